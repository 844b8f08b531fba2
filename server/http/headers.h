#pragma once
// HTTP header fields in the order they came, looked up by name without regard to case (RFC 9110
// §5.1). A name may repeat (Set-Cookie-like lists); `get` answers the first.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duban::server {

[[nodiscard]] bool equalsIgnoringCase(std::string_view a, std::string_view b);

class Headers {
public:
    using Field = std::pair<std::string, std::string>;

    // Replaces every field of this name by one.
    void set(std::string_view name, std::string value);
    void add(std::string name, std::string value);
    void erase(std::string_view name);

    [[nodiscard]] const std::string* find(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const { return find(name) != nullptr; }
    // The first value of `name`, or "" when there is none.
    [[nodiscard]] std::string get(std::string_view name) const;

    [[nodiscard]] auto begin() const { return m_fields.begin(); }
    [[nodiscard]] auto end() const { return m_fields.end(); }
    [[nodiscard]] std::size_t size() const { return m_fields.size(); }

private:
    std::vector<Field> m_fields;
};

}  // namespace duban::server
