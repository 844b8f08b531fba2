import QtQuick
import QtQuick.Controls
import QtTest
import Duban

// "使用设备定位" never waits for ever: with no position source it says so at once, a source that
// stays silent is given up after the timeout, and either way the user is told to type it.
TestCase {
    name: "DevicePosition"
    when: windowShown
    visible: true
    width: 390
    height: 200

    Component {
        id: positionComponent
        DevicePosition {}
    }

    // A position source as Qt Positioning's looks to DevicePosition, driven by the test.
    Component {
        id: fakeSourceComponent
        QtObject {
            property bool valid: true
            property bool active: false
            property int sourceError: 0  // PositionSource.NoError
            property var position: ({})
            function start() { active = true }
            function stop() { active = false }
        }
    }

    SignalSpy {
        id: fixes
        signalName: "fix"
    }

    function make(properties) {
        const position = createTemporaryObject(positionComponent, this, properties)
        verify(position !== null)
        fixes.clear()
        fixes.target = position
        return position
    }

    function test_no_position_source_says_so_at_once() {
        const silent = createTemporaryObject(fakeSourceComponent, this, { valid: false })
        const position = make({ positionSource: silent })
        const problem = findChild(position, "positionProblem")
        compare(problem.text, "本机没有定位功能：请手动填写纬度和经度。")
        verify(problem.visible)
        mouseClick(findChild(position, "locate"))
        verify(!position.locating)
        verify(!silent.active)
        compare(problem.text, "本机没有定位功能：请手动填写纬度和经度。")
    }

    function test_a_silent_source_is_given_up_after_the_timeout() {
        const silent = createTemporaryObject(fakeSourceComponent, this)
        const position = make({ positionSource: silent, timeoutMs: 300 })
        const button = findChild(position, "locate")
        const problem = findChild(position, "positionProblem")
        verify(!problem.visible)
        mouseClick(button)
        verify(position.locating)
        verify(silent.active)
        compare(button.text, "正在定位…")
        verify(!button.enabled)
        tryVerify(() => !position.locating, 3000, "gave up")
        verify(!silent.active, "the source was stopped")
        compare(problem.text, "1 秒内没有取得定位：请到开阔处再试，或手动填写纬度和经度。")
        verify(button.enabled, "another try is possible")
        compare(fixes.count, 0)
    }

    function test_the_default_timeout_is_fifteen_seconds() {
        compare(make({}).timeoutMs, 15000)
    }

    function test_a_source_error_gives_up_at_once() {
        const failing = createTemporaryObject(fakeSourceComponent, this)
        const position = make({ positionSource: failing })
        mouseClick(findChild(position, "locate"))
        verify(position.locating)
        failing.sourceError = 1  // PositionSource.AccessError: not allowed to locate
        verify(!position.locating)
        compare(findChild(position, "positionProblem").text,
                "无法取得定位（定位服务不可用或未获授权）：请手动填写纬度和经度。")
    }

    function test_a_position_in_time_is_the_fix() {
        const source = createTemporaryObject(fakeSourceComponent, this)
        const position = make({ positionSource: source, timeoutMs: 5000 })
        mouseClick(findChild(position, "locate"))
        source.position = {
            latitudeValid: true, longitudeValid: true,
            coordinate: { latitude: 28.3105, longitude: 109.7321 },
            horizontalAccuracyValid: true, horizontalAccuracy: 12
        }
        compare(fixes.count, 1)
        compare(fixes.signalArguments[0][0], 28.3105)
        compare(fixes.signalArguments[0][1], 109.7321)
        compare(fixes.signalArguments[0][2], 12)
        verify(!position.locating)
        verify(!source.active)
        compare(findChild(position, "positionProblem").text, "")
    }

    // The device's own source (whatever this machine has) ends one way or the other in time.
    function test_the_devices_own_source_never_waits_for_ever() {
        const position = make({ timeoutMs: 500 })
        mouseClick(findChild(position, "locate"))
        tryVerify(() => !position.locating, 5000)
        verify(fixes.count === 1 || findChild(position, "positionProblem").text !== "")
    }
}
