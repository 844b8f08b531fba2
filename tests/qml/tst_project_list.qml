import QtQuick
import QtTest
import Duban

// The project list over the real seed: instant search, filters, pages.
TestCase {
    id: testCase
    name: "ProjectList"

    property int allCount: 0

    ProjectListModel {
        id: projects
        store: Services.store
    }

    FilterOptions {
        id: options
        store: Services.store
    }

    function initTestCase() {
        tryVerify(() => !projects.loading && projects.totalCount > 0, 5000)
        allCount = projects.totalCount
    }

    function init() {
        projects.searchText = ""
        projects.myUnitId = ""
        projects.minWarningLevel = 0
        projects.category = ""
        projects.listCode = ""
        tryVerify(() => !projects.loading && projects.totalCount === allCount
                  && projects.count >= Math.min(50, allCount), 5000)
    }

    function test_search_finds_jiuguijiu() {
        projects.searchText = "酒鬼酒"
        tryVerify(() => !projects.loading && projects.totalCount > 0 && projects.totalCount < allCount, 5000)
        compare(projects.get(0).name, "酒鬼酒股份有限公司生产二区改造及三区建设项目")
        compare(projects.get(0).totalInvestment, "273,027万元")
        compare(projects.get(0).years, "2021—2024")
    }

    // 完成率 as core rates and formats it, as the board and the project's page show it: one
    // decimal, not a whole number cut off; "—" without a plan.
    function test_completion_rate_has_one_decimal_as_on_the_board() {
        let planned = 0
        for (let row = 0; row < projects.count; ++row) {
            const p = projects.get(row)
            if (p.completionPercent < 0) {
                compare(p.completionRate, "—", p.name)
                continue
            }
            ++planned
            compare(p.completionRate, p.completionPercent.toFixed(1) + "%", p.name)
        }
        verify(planned > 0, "projects with a plan this year")
    }

    function test_search_with_no_match_is_empty() {
        projects.searchText = "不存在的项目名称"
        tryVerify(() => !projects.loading && projects.totalCount === 0, 5000)
        compare(projects.count, 0)
    }

    function test_pages_load_as_the_list_scrolls() {
        verify(allCount > 50, "the seed has more projects than one page: " + allCount)
        compare(projects.count, 50)
        tryVerify(() => { projects.loadMore(); return projects.count === allCount }, 5000)
        const ids = {}
        for (let row = 0; row < projects.count; ++row)
            ids[projects.get(row).projectId] = true
        compare(Object.keys(ids).length, allCount, "each project once")
    }

    function test_filters_offer_what_is_on_the_device_and_narrow_the_list() {
        tryVerify(() => options.categories.length > 1 && options.lists.length > 1, 5000)
        compare(options.categories[0].value, "", "the first choice is 'any'")
        const industry = options.categories.find(c => c.label === "新型工业")
        verify(industry !== undefined, JSON.stringify(options.categories))
        projects.category = industry.value
        tryVerify(() => !projects.loading && projects.totalCount > 0 && projects.totalCount < allCount, 5000)
        for (let row = 0; row < projects.count; ++row)
            compare(projects.get(row).category, "新型工业")
        const keyProjects = options.lists.find(l => l.value === "key_projects_2022")
        verify(keyProjects !== undefined)
        projects.category = ""
        projects.listCode = keyProjects.value
        tryVerify(() => !projects.loading && projects.totalCount === 45, 5000,
                  "the notice's key-project table has 45 items: " + projects.totalCount)
    }

    function test_my_projects_are_those_of_my_unit() {
        projects.myUnitId = Services.unitId
        tryVerify(() => !projects.loading && projects.totalCount > 0 && projects.totalCount < allCount, 5000)
        for (let row = 0; row < projects.count; ++row)
            verify(projects.get(row).units.indexOf("市科工信局") >= 0, projects.get(row).name)
    }
}
