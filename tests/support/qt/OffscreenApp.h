#pragma once

// For the main() of the Qt test binaries (tests/ui, tests/report).

namespace mlrig::testsupport {

// Selects Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise. CTest sets it for the
// test runs, but gtest's test discovery runs the binary without that environment, and a test
// binary must never need a display. Call before the QApplication is created.
void preferOffscreenPlatform();

}  // namespace mlrig::testsupport
