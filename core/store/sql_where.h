#pragma once
// A WHERE clause built from fixed SQL fragments, every value bound — never SQL made from input —
// and the fragments more than one query asks the same question with.
#include <string>
#include <string_view>
#include <vector>

#include "core/store/database.h"

namespace duban {

struct SqlWhere {
    std::string sql;  // "" or " WHERE a = ? AND b = ?"
    std::vector<SqlValue> values;

    void add(std::string_view condition, SqlValue value) {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
        values.push_back(std::move(value));
    }
    void add(std::string_view condition) {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
    }
    // Binds the values from parameter `first` on; returns the next free parameter.
    int bindTo(Statement& s, int first = 1) const {
        for (const SqlValue& v : values)
            s.bind(first++, v);
        return first;
    }
};

// The condition "the project in `projectColumn` is one the bound unit leads or is responsible
// for": the units that answer for a project (file its reports, acknowledge its letters).
[[nodiscard]] inline std::string answeredByUnit(std::string_view projectColumn) {
    return "EXISTS (SELECT 1 FROM project_unit pu WHERE pu.project_id = " +
           std::string(projectColumn) +
           " AND pu.unit_id = ? AND pu.role IN ('lead','responsible'))";
}

// The names of the units that answer for the project in `projectColumn`, lead first, joined with
// "、" as tables and letters name them; NULL when there are none.
[[nodiscard]] inline std::string answeringUnitNames(std::string_view projectColumn) {
    return "(SELECT group_concat(name, '、') FROM (SELECT u.name FROM project_unit pu"
           " JOIN unit u ON u.id = pu.unit_id WHERE pu.project_id = " +
           std::string(projectColumn) +
           " AND pu.role IN ('lead','responsible') ORDER BY pu.role = 'responsible', pu.ord))";
}

}  // namespace duban
