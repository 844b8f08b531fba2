#pragma once
// A WHERE clause built from fixed SQL fragments, every value bound — never SQL made from input.
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

}  // namespace duban
