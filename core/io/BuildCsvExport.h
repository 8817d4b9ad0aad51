#pragma once

// Build -> CSV for spreadsheets (RFC 4180, written with core/util/Csv.h).
//
// Columns: Category, Name, Quantity, Unit price, Currency, Line total, Price source, Condition,
// Key specs; then one "Total" row. Prices are plain numbers with a '.' and two decimals so a
// spreadsheet sums them; an unknown price is an empty cell, not 0.
//
// Encoding: UTF-8 without a byte-order mark by default. LibreOffice, Google Sheets, pandas and
// Python's csv module read UTF-8 as is, and a BOM ends up glued to the first header cell in many
// tools ("\ufeffCategory"). Only Excel's double-click open needs the BOM to show non-ASCII names
// right, hence the option.
//
// Text cells that begin with = + - @ TAB or CR get a leading single quote, so a part named
// "=HYPERLINK(...)" shows as text instead of running as a formula (CSV injection). Numeric
// columns are written by us and never negative, so they are left alone.

#include <string>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

struct CsvExportOptions {
    bool utf8Bom = false;
};

std::string exportBuildCsv(const Build& build, const Evaluation& evaluation, const Catalog& catalog,
                           const CsvExportOptions& options = {});

// "'=1+1" for "=1+1"; other text unchanged.
std::string neutraliseCsvFormula(std::string_view text);

}  // namespace mlrig
