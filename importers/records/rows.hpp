// read_rows(): the loop both CSV importers share — every data row after the header becomes an
// event, or a warning naming its line. Internal to importers/records/.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "importers/records/csv.hpp"
#include "importers/records/records.hpp"

namespace kb::importers::records_detail {

// Reads rows[1..] with `read_row(row, columns)`, which returns a Result of an event.
template <typename Columns, typename ReadRow>
RecordBatch read_rows(const std::vector<csv::Row>& rows, const Columns& columns, ReadRow read_row) {
  RecordBatch batch;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto r = read_row(rows[i], columns);
    if (r) {
      batch.events.push_back(std::move(r).value());
    } else {
      batch.warnings.push_back(RecordWarning{rows[i].line, r.error().message});
    }
  }
  return batch;
}

}  // namespace kb::importers::records_detail
