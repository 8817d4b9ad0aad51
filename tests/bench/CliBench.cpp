// `mlrig-cli fit` budget (issue 14): an answer within 10 ms. Each iteration launches the real
// mlrig-cli and times the whole process, from spawn to exit: dynamic loading, the GPU-model read
// of the catalog, the estimate and the JSON output. BM_CliVersionProcess runs `--version` the
// same way, the floor of any mlrig-cli run on this machine (process creation and the C++
// runtime), so the difference is what `fit` itself costs.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct ProcessRun {
    bool succeeded = false;
    double wallMs = 0;
};

ProcessRun runCli(std::vector<std::string> arguments)
{
    std::string program = MLRIG_CLI_PATH;
    std::vector<char*> argv{program.data()};
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto started = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return {};
    int status = 0;
    waitpid(pid, &status, 0);
    ProcessRun run;
    run.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    run.succeeded = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return run;
}

void timeCli(benchmark::State& state, const std::vector<std::string>& arguments)
{
    ProcessRun last;
    for (auto _ : state) {
        last = runCli(arguments);
        if (!last.succeeded) {
            state.SkipWithError("mlrig-cli failed");
            break;
        }
        state.SetIterationTime(last.wallMs / 1000.0);
    }
    // No peak-memory counter: posix_spawn starts the child with vfork, so its ru_maxrss would
    // report the benchmark's own resident set.
}

void BM_CliFitProcess(benchmark::State& state)
{
    timeCli(state, {"fit", "--gpu", "GeForce RTX 4060 Ti 16GB", "--model", "gpt-oss-120b", "--ram-gb", "64",
                    "--ram-mts", "6000", "--ram-channels", "2"});
}
BENCHMARK(BM_CliFitProcess)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);

void BM_CliVersionProcess(benchmark::State& state)
{
    timeCli(state, {"--version"});
}
BENCHMARK(BM_CliVersionProcess)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);

}  // namespace
