#pragma once
// The rows of a list model read a page at a time on the store's thread (D20): the rows shown, the
// total there is, and which read is the newest — a page read before a reload is dropped, never
// appended after it. The model keeps its own filters and extra figures; this keeps the paging.
// Every paged list of the app (projects, review queue, warning letters) pages through it.
#include <QModelIndex>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "qml/app/log_categories.h"
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
    // A read (a page or a reload) is under way.
    [[nodiscard]] bool loading() const { return m_loading; }
    // More to read, and no read under way.
    [[nodiscard]] bool hasMore() const { return !m_loading && size() < m_total; }
    // How many rows a reload reads: as many as are shown (the view keeps its place), a page at
    // least.
    [[nodiscard]] int reloadSize() const { return std::max(size(), kPageSize); }

    // Reads the page after the rows shown — `read(LocalStore&, offset, limit)` on the store's
    // thread — and appends it through `model` (which befriends this class for its protected
    // begin/endInsertRows), unless a reload started or rows came in between. Then, on the GUI
    // thread, `after(error)`: empty, or why the page could not be read (logged; nothing more is
    // shown, the next reload tries again).
    template <class Model, class Read, class After>
    void fetchMore(Model* model, StoreExecutor& store, Read read, After after) {
        m_loading = true;
        const quint64 generation = m_generation;
        const int offset = size();
        store.run(
            model,
            [offset, read = std::move(read)](LocalStore& s) {
                std::pair<std::vector<Row>, QString> page;
                try {
                    page.first = read(s, offset, kPageSize);
                } catch (const DatabaseError& e) {
                    page.second = storeReadFailed("a page of a list", e);
                }
                return page;
            },
            [this, model, generation, offset,
             after = std::move(after)](std::pair<std::vector<Row>, QString> page) {
                if (generation != m_generation || offset != size())
                    return;
                m_loading = false;
                if (!page.first.empty()) {
                    model->beginInsertRows({}, offset,
                                           offset + static_cast<int>(page.first.size()) - 1);
                    std::move(page.first.begin(), page.first.end(), std::back_inserter(m_rows));
                    model->endInsertRows();
                }
                after(page.second);
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
    // A reload that failed: the rows shown stay as they are.
    void keepRows() { m_loading = false; }
    // A reload's result for rows already shown (a save or a sync changed them): the same number
    // of rows back is a dataChanged (the view keeps its place and its delegates), else a reset.
    template <class Model>
    void refresh(Model* model, std::vector<Row> rows, int total) {
        if (!rows.empty() && rows.size() == m_rows.size()) {
            m_rows = std::move(rows);
            m_total = total;
            m_loading = false;
            emit model->dataChanged(model->index(0), model->index(size() - 1));
            return;
        }
        model->beginResetModel();
        replace(std::move(rows), total);
        model->endResetModel();
    }

private:
    std::vector<Row> m_rows;
    int m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0;
};

}  // namespace duban::app
