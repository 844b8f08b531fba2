#pragma once
// The rows of a list model read a page at a time on the store's thread (D20): the rows shown, the
// total there is, and which read is the newest — a page read before a reload is dropped, never
// appended after it. The model keeps its own filters and extra figures; this keeps the paging.
#include <QModelIndex>
#include <QtGlobal>

#include <algorithm>
#include <iterator>
#include <vector>

#include "qml/app/store_executor.h"

namespace duban::app {

template <class Row>
class PagedRows {
public:
    static constexpr int kPageSize = 50;

    [[nodiscard]] int size() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] const std::vector<Row>& rows() const { return m_rows; }
    [[nodiscard]] const Row& at(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    // More to read, and no read under way.
    [[nodiscard]] bool hasMore() const { return !m_loading && size() < m_total; }
    // How many rows a reload reads: as many as are shown (the view keeps its place), a page at
    // least.
    [[nodiscard]] int reloadSize() const { return std::max(size(), kPageSize); }

    // Reads the page after the rows shown — `read(LocalStore&, offset, limit)` on the store's
    // thread; a store error reads as an empty page — and appends it through `model` (which
    // befriends this class for its protected begin/endInsertRows), unless a reload started or rows
    // came in between.
    template <class Model, class Read>
    void fetchMore(Model* model, StoreExecutor& store, Read read) {
        m_loading = true;
        const quint64 generation = m_generation;
        const int offset = size();
        store.run(
            model,
            [offset, read = std::move(read)](LocalStore& s) {
                try {
                    return read(s, offset, kPageSize);
                } catch (const DatabaseError&) {
                    return std::vector<Row>{};  // nothing more shown; the next reload tries again
                }
            },
            [this, model, generation, offset](std::vector<Row> page) {
                if (generation != m_generation || offset != size())
                    return;
                m_loading = false;
                if (page.empty())
                    return;
                model->beginInsertRows({}, offset, offset + static_cast<int>(page.size()) - 1);
                std::move(page.begin(), page.end(), std::back_inserter(m_rows));
                model->endInsertRows();
            });
    }

    // A reload begins: from now on every read on its way is stale. Returns the reload's number.
    quint64 startReload() {
        m_loading = true;
        return ++m_generation;
    }
    [[nodiscard]] bool isStale(quint64 generation) const { return generation != m_generation; }
    // The reload's result, between the model's begin/endResetModel.
    void replace(std::vector<Row> rows, int total) {
        m_rows = std::move(rows);
        m_total = total;
        m_loading = false;
    }

private:
    std::vector<Row> m_rows;
    int m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0;
};

}  // namespace duban::app
