<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CameraCapture</name>
    <message>
        <location filename="../../qml/components/CameraCapture.qml" line="57" />
        <location filename="../../qml/components/CameraCapture.qml" line="60" />
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../qml/components/CameraCapture.qml" line="66" />
        <source>无法在数据目录中保存照片</source>
        <translation>Cannot save the photo in the data folder</translation>
    </message>
    <message>
        <location filename="../../qml/components/CameraCapture.qml" line="72" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CountBadge</name>
    <message>
        <location filename="../../qml/components/CountBadge.qml" line="28" />
        <source>%1 项</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>DevicePosition</name>
    <message>
        <location filename="../../qml/components/DevicePosition.qml" line="25" />
        <source>本机没有定位功能：请手动填写纬度和经度。</source>
        <translation>This device has no positioning: type the latitude and longitude.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DevicePosition.qml" line="65" />
        <source>无法取得定位（定位服务不可用或未获授权）：请手动填写纬度和经度。</source>
        <translation>No position (the location service is unavailable or not allowed): type the latitude and longitude.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DevicePosition.qml" line="77" />
        <source>%1 秒内没有取得定位：请到开阔处再试，或手动填写纬度和经度。</source>
        <translation>No position within %1 s: try again in the open, or type the latitude and longitude.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DevicePosition.qml" line="84" />
        <source>正在定位…</source>
        <translation>Locating…</translation>
    </message>
    <message>
        <location filename="../../qml/components/DevicePosition.qml" line="84" />
        <source>使用设备定位</source>
        <translation>Use the device's position</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="15" />
        <source>月调度</source>
        <translation>Monthly dispatch</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="41" />
        <source>上个月</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="48" />
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="54" />
        <source>下个月</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="61" />
        <source>重点项目</source>
        <translation>Key projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="61" />
        <source>工作任务</source>
        <translation>Work tasks</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="62" />
        <source>项目或工作任务</source>
        <translation>Projects or work tasks</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="67" />
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="67" />
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="67" />
        <source>按所在乡镇</source>
        <translation>By township</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="68" />
        <source>分组</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="74" />
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="77" />
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="83" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="107" />
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="108" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="121" />
        <source>%1 · 共 %2 个 · 按时报送 %3 · 逾期报送 %4 · 被退回 %5 · 未报送 %6 · 逾期节点 %7</source>
        <translation>%1 · %2 in all · on time %3 · late %4 · returned %5 · missing %6 · overdue milestones %7</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="142" />
        <source>1—本月完成投资 %1 万元，年度计划 %2 万元，完成率 %3</source>
        <translation>Completed January to this month %1 (10k yuan), annual plan %2, rate %3</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="157" />
        <source>按类别完成率</source>
        <translation>Completion by category</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="163" />
        <source>按责任单位完成率</source>
        <translation>Completion by responsible unit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="265" />
        <source>完成 %1 / 计划 %2 万元 · 完成率 %3</source>
        <translation>Completed %1 / plan %2 (10k yuan) · rate %3</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="273" />
        <source>本期目标：%1</source>
        <translation>This period's target: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="290" />
        <source>全年目标：%1</source>
        <translation>Target for the year: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="298" />
        <source>已报进度：%1</source>
        <translation>Reported progress: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="309" />
        <source>形象进度：%1</source>
        <translation>Progress: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="318" />
        <source>存在问题：%1</source>
        <translation>Problems: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="328" />
        <source>逾期节点 %1 个 · </source>
        <translation>%1 overdue milestones · </translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="329" />
        <source>下一节点：%1</source>
        <translation>Next milestone: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/DispatchPage.qml" line="341" />
        <source>这个月没有要调度的项目</source>
        <translation>No projects to dispatch this month</translation>
    </message>
</context>
<context>
    <name>Duban</name>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="10" />
        <source>填报月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="12" />
        <source>本月完成投资</source>
        <translation>Invested this month</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="14" />
        <source>形象进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="16" />
        <source>进展情况</source>
        <translation>Progress narrative</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="18" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="20" />
        <source>需协调解决事项</source>
        <translation>Issues needing coordination</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="22" />
        <source>走访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="24" />
        <source>走访记录</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="26" />
        <source>见面人员</source>
        <translation>People met</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="28" />
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="30" />
        <source>照片说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="32" />
        <source>节点目标</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="41" />
        <source>请填写%1</source>
        <translation>%1 is required</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="43" />
        <source>%1格式不正确</source>
        <translation>%1 is not in the right format</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="47" />
        <source>纬度超出允许范围：应在 -90 到 90 之间</source>
        <translation>The latitude is out of range: it must be between -90 and 90</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="49" />
        <source>经度超出允许范围：应在 -180 到 180 之间</source>
        <translation>The longitude is out of range: it must be between -180 and 180</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="51" />
        <source>定位精度超出允许范围：应为 0 或更大的米数</source>
        <translation>The accuracy is out of range: it must be 0 metres or more</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="53" />
        <source>%1超出允许范围</source>
        <translation>%1 is out of range</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="56" />
        <source>%1内容过长</source>
        <translation>%1 is too long</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="58" />
        <source>%1不能晚于今天</source>
        <translation>%1 cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="60" />
        <source>%1超过项目总投资</source>
        <translation>%1 exceeds the project's total investment</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="66" />
        <source>没有权限：%1</source>
        <translation>Not allowed: %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="69" />
        <source>内容不完整或有误，请检查标出的项目</source>
        <translation>Something is missing or wrong; check the marked fields</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="71" />
        <source>记录状态已变化，不能进行此操作</source>
        <translation>The record's state has changed; this action is no longer possible</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="73" />
        <source>本机没有这条记录，请先同步</source>
        <translation>This record is not on this device; sync first</translation>
    </message>
    <message>
        <location filename="../../qml/app/field_errors.cpp" line="75" />
        <source>照片无法使用：%1</source>
        <translation>The photo cannot be used: %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/inbox_model.cpp" line="28" />
        <source>这项内容已被另一台设备的后续修改覆盖</source>
        <translation>This value was replaced by a later edit from another device</translation>
    </message>
    <message>
        <location filename="../../qml/app/record_editor.cpp" line="77" />
        <source>请先改正标出的内容</source>
        <translation>Correct the marked fields first</translation>
    </message>
    <message>
        <location filename="../../qml/app/report_editor.cpp" line="52" />
        <source>本月完成投资请填以万元计的数字，如 1500 或 1,500.5</source>
        <translation>Enter the investment in 10k yuan, e.g. 1500 or 1,500.5</translation>
    </message>
    <message>
        <location filename="../../qml/app/report_editor.cpp" line="63" />
        <source>形象进度请填 0 到 100 的整数</source>
        <translation>Progress is a whole number from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../qml/app/record_editor.cpp" line="181" />
        <source>草稿未保存：请改正标出的内容</source>
        <translation>Draft not saved: correct the marked fields</translation>
    </message>
    <message>
        <location filename="../../qml/app/record_editor.cpp" line="196" />
        <source>已存为草稿；提交前请补全标出的内容</source>
        <translation>Saved as a draft; complete the marked fields before submitting</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="123" />
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="170" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="171" />
        <location filename="../../qml/app/todo_text.cpp" line="28" />
        <source>现场走访</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="172" />
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="219" />
        <source>已通过 %1 条</source>
        <translation>%1 approved</translation>
    </message>
    <message>
        <location filename="../../qml/app/review_queue_model.cpp" line="221" />
        <source>；%1 条未通过：%2</source>
        <translation>; %1 not approved: %2</translation>
    </message>
    <message>
        <location filename="../../qml/app/visit_editor.cpp" line="66" />
        <source>走访时间请按 2022-06-30 10:00 的格式填写</source>
        <translation>Enter the visit time as 2022-06-30 10:00</translation>
    </message>
    <message>
        <location filename="../../qml/app/visit_editor.cpp" line="79" />
        <source>位置请填数字（度），如 28.31</source>
        <translation>Enter the position in degrees, e.g. 28.31</translation>
    </message>
    <message>
        <location filename="../../qml/app/filter_options.cpp" line="42" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../qml/app/filter_options.cpp" line="43" />
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../qml/app/filter_options.cpp" line="44" />
        <source>全部清单</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../qml/app/filter_options.cpp" line="46" />
        <location filename="../../qml/app/review_queue_model.cpp" line="121" />
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <location filename="../../qml/app/filter_options.cpp" line="48" />
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="30" />
        <source>目标：已完成 %1 · 进行中 %2 · 滞后 %3 · 未开始 %4 · 无目标 %5</source>
        <translation>Targets: achieved %1 · on track %2 · behind %3 · not started %4 · no target %5</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="40" />
        <source>%1 个 · 按时 %2 · 逾期 %3 · 退回 %4 · 未报送 %5</source>
        <translation>%1 · on time %2 · late %3 · returned %4 · missing %5</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="51" />
        <source>按时报送</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="53" />
        <source>逾期报送</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="55" />
        <location filename="../../qml/app/todo_text.cpp" line="81" />
        <source>被退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="57" />
        <source>未报送</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="59" />
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="67" />
        <source>已完成</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="69" />
        <source>进行中</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="71" />
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="73" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="75" />
        <source>无目标</source>
        <translation>No target</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="90" />
        <source>目标值 %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="91" />
        <source>%1 到期</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="94" />
        <source>本期共 %1 项</source>
        <translation>%1 targets this period</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="82" />
        <location filename="../../qml/app/dispatch_text.cpp" line="100" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="104" />
        <source>（目标值 %1）</source>
        <translation> (target %1)</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_text.cpp" line="109" />
        <source>未报进度</source>
        <translation>No progress reported</translation>
    </message>
    <message>
        <location filename="../../qml/app/dispatch_board.cpp" line="231" />
        <source>月份格式应为 2022-06，日期格式应为 2022-06-30</source>
        <translation>Write the month as 2022-06 and the date as 2022-06-30</translation>
    </message>
    <message>
        <location filename="../../qml/app/warnings_model.cpp" line="62" />
        <source>文号待同步后生成</source>
        <translation>Number assigned on sync</translation>
    </message>
    <message>
        <location filename="../../qml/app/log_categories.cpp" line="43" />
        <source>读取本机数据失败（%1），请稍后再试或重新同步</source>
        <translation>Could not read this device's data (%1); try again later or sync again</translation>
    </message>
    <message>
        <location filename="../../qml/app/qml_modules.cpp" line="29" />
        <source>无法打开文件选择：本机缺少 Qt 组件 %1。请安装它（Debian：qml6-module-qt-labs-folderlistmodel）后重启应用，或改用拍照。</source>
        <translation>Cannot open the file picker: this device lacks the Qt component %1. Install it (Debian: qml6-module-qt-labs-folderlistmodel) and restart the app, or take a photo instead.</translation>
    </message>
    <message>
        <location filename="../../qml/app/services.cpp" line="150" />
        <source>已保存，联网后自动上传</source>
        <translation>Saved; it uploads when you are online</translation>
    </message>
    <message>
        <location filename="../../qml/app/services.cpp" line="151" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="22" />
        <source>yyyy年M月</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="27" />
        <source>%1月报</source>
        <translation>report for %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="38" />
        <source>%1 · 退回于 %2</source>
        <translation>%1 · returned %2</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="39" />
        <source>%1 · 提交于 %2</source>
        <translation>%1 · submitted %2</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="41" />
        <source>%1 · %2 退回于 %3</source>
        <translation>%1 · returned by %2 on %3</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="42" />
        <source>%1 · %2 提交于 %3</source>
        <translation>%1 · submitted by %2 on %3</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="51" />
        <source>M月d日</source>
        <translation>d MMM</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="57" />
        <source>yyyy年M月d日</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="62" />
        <source>今天截止</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="64" />
        <source>还剩1天</source>
        <translation>1 day left</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="66" />
        <source>已逾期1天</source>
        <translation>1 day overdue</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="67" />
        <source>还剩%1天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="68" />
        <source>已逾期%1天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="72" />
        <source>%1前报送 · %2</source>
        <translation>due by %1 · %2</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="79" />
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="83" />
        <source>本月待报 · %1前</source>
        <translation>Reports due by %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="86" />
        <source>督办函待签收</source>
        <translation>Letters to acknowledge</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="88" />
        <source>草稿未提交</source>
        <translation>Drafts not submitted</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="90" />
        <source>未被接受的修改</source>
        <translation>Changes not accepted</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="92" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="94" />
        <source>%1逾期未报单位</source>
        <translation>Units late for %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="97" />
        <source>督办建议待签发</source>
        <translation>Letters to issue</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="114" />
        <source>草稿已存</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="118" />
        <source>退回理由待同步</source>
        <translation>Reason arrives with the next sync</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="119" />
        <source>理由：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="129" />
        <source>限%1前整改</source>
        <translation>Correct by %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="135" />
        <source>%1 · 保存于 %2</source>
        <translation>%1 · saved %2</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="140" />
        <source>修改与他人冲突</source>
        <translation>Conflicts with another edit</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="141" />
        <source>服务器未接受</source>
        <translation>Not accepted by the server</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="148" />
        <source>现场走访 · %1</source>
        <translation>Site visit · %1</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="153" />
        <source>1个项目未报送</source>
        <translation>1 project not reported</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="154" />
        <source>%1个项目未报送</source>
        <translation>%1 projects not reported</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="170" />
        <source>没有等待您确认的月报</source>
        <translation>No report waits for your confirmation</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="173" />
        <source>本月月报均已报送</source>
        <translation>All of this month's reports are in</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="176" />
        <source>各单位均已报送</source>
        <translation>Every unit has reported</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="179" />
        <source>没有待审核的记录</source>
        <translation>Nothing waits for review</translation>
    </message>
    <message>
        <location filename="../../qml/app/todo_text.cpp" line="182" />
        <source>暂无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>EditorStatus</name>
    <message>
        <location filename="../../qml/components/EditorStatus.qml" line="17" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../qml/components/EditorStatus.qml" line="18" />
        <source>已提交，不能再修改</source>
        <translation>Submitted; it can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../qml/components/EditorStatus.qml" line="19" />
        <source>草稿已保存 %1，离线也不会丢失</source>
        <translation>Draft saved at %1; it is kept offline too</translation>
    </message>
    <message>
        <location filename="../../qml/components/EditorStatus.qml" line="20" />
        <source>填写后自动保存草稿</source>
        <translation>The draft saves itself as you type</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="22" />
        <source>找不到这个服务器：请检查服务器地址是否写对，以及网络是否连通。</source>
        <translation>The server could not be found: check that the server address is right and that the network is connected.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="25" />
        <source>连不上服务器：请检查网络和服务器地址。</source>
        <translation>Cannot reach the server: check the network and the server address.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="28" />
        <source>服务器没有及时响应：网络可能很慢或已断开，请稍后重试。</source>
        <translation>The server did not answer in time: the network may be slow or down; try again later.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="30" />
        <source>与服务器的连接中断了：请稍后重试。</source>
        <translation>The connection to the server broke: try again later.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="32" />
        <source>无法验证服务器证书：请确认 CA 证书文件是服务器提供的那一份。</source>
        <translation>The server's certificate could not be verified: make sure the CA file is the one the server provides.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="35" />
        <source>本机不信任这个服务器的证书：请选择服务器提供的 CA 证书文件（ca.crt）。</source>
        <translation>This device does not trust the server's certificate: choose the CA file (ca.crt) the server provides.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="39" />
        <source>服务器证书已过期或尚未生效：请检查本机的日期和时间；如无误，请联系服务器管理员更换证书。</source>
        <translation>The server's certificate has expired or is not yet valid: check this device's date and time; if they are right, ask the server's administrator to renew the certificate.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="43" />
        <source>服务器证书不是为这个地址签发的：请使用证书上写明的服务器地址，或联系管理员。</source>
        <translation>The server's certificate was not issued for this address: use the address named in the certificate, or contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="47" />
        <source>服务器的密钥与记录的不一致，已拒绝连接：可能有人在拦截网络，请联系管理员。</source>
        <translation>The server's key does not match the one on record, so the connection was refused: someone may be intercepting the network; contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="51" />
        <source>所选文件不是 CA 证书：请选择服务器提供的 ca.crt（PEM 格式）。</source>
        <translation>The chosen file is not a CA certificate: choose the ca.crt (PEM) the server provides.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="54" />
        <source>无法与服务器建立安全连接：请检查 CA 证书文件和服务器地址。</source>
        <translation>A secure connection to the server could not be made: check the CA file and the server address.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="57" />
        <source>找不到所选的 CA 证书文件：请重新选择。</source>
        <translation>The chosen CA file was not found: choose it again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="59" />
        <source>服务器地址必须以 https:// 开头：请填写服务器的 https 地址。</source>
        <translation>The server address must start with https://: enter the server's https address.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="62" />
        <source>服务器地址的格式不对：应形如 https://服务器:8443。</source>
        <translation>The server address is not valid: it should look like https://server:8443.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="64" />
        <source>服务器发来的数据过大，已停止接收：请确认这是督办服务器的地址。</source>
        <translation>The server sent far too much, so receiving was stopped: make sure this is a Duban server's address.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="66" />
        <source>已停止。</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="68" />
        <source>登录已过期，请重新登录。</source>
        <translation>Your sign-in has expired; please sign in again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="70" />
        <source>这个账号没有权限这样做：如有疑问请联系管理员。</source>
        <translation>This account is not allowed to do that: ask the administrator if in doubt.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="72" />
        <source>密码连续输错，账号已暂时锁定：请稍后（最长 15 分钟）再试。</source>
        <translation>Too many wrong passwords, so the account is locked for now: try again later (at most 15 minutes).</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="74" />
        <source>尝试太频繁：请等一分钟再试。</source>
        <translation>Too many attempts: wait a minute and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="75" />
        <source>服务器正忙：请稍后重试。</source>
        <translation>The server is busy: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="77" />
        <source>服务器出错了：请稍后重试；仍不行请联系管理员。</source>
        <translation>The server had an error: try again later; if it keeps happening, contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="79" />
        <source>这个地址上没有督办服务：请检查服务器地址。</source>
        <translation>There is no Duban service at this address: check the server address.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="81" />
        <source>服务器的回答无法识别：请确认这是督办服务器的地址，或稍后重试。</source>
        <translation>The server's answer could not be read: make sure this is a Duban server's address, or try again later.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="83" />
        <source>服务器拒收了这次请求：请把应用更新到最新版本后重试。</source>
        <translation>The server refused the request: update the app to its latest version and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="87" />
        <source>本机数据无法保存：请检查存储空间后重试。</source>
        <translation>This device's data could not be saved: check the free storage and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="89" />
        <source>本机数据属于另一个账号或服务器：请用原来的账号和服务器登录。</source>
        <translation>The data on this device belongs to another account or server: sign in with the original account and server.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="93" />
        <source>无法保存登录信息：请检查存储空间和数据文件夹的权限。</source>
        <translation>The sign-in could not be saved: check the free storage and the data folder's permissions.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="94" />
        <source>同步没有完成：稍后会自动重试。</source>
        <translation>Sync did not finish: it will try again shortly.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="96" />
        <source>照片上传没有完成：稍后会自动重试。</source>
        <translation>A photo upload did not finish: it will try again shortly.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="101" />
        <source>账号或密码不正确：请检查后重试。</source>
        <translation>Wrong username or password: check them and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/app/error_text.cpp" line="155" />
        <source>操作没有完成（%1）：请稍后重试；仍不行请联系管理员。</source>
        <translation>That did not work (%1): try again later; if it keeps happening, contact the administrator.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="24" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="72" />
        <source>%1，您好</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="87" />
        <source>本月月报：%1</source>
        <translation>This month's report: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="101" />
        <source>查看全部重点项目</source>
        <translation>All key projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="140" />
        <source>%1 项</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="214" />
        <source>全部（还有 %1 项）›</source>
        <translation>All (%1 more) ›</translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="224" />
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="14" />
        <location filename="../../qml/Main.qml" line="69" />
        <source>督办</source>
        <translation>Duban</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="65" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="141" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="145" />
        <source>月调度</source>
        <translation>Monthly dispatch</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="144" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="142" />
        <source>重点项目</source>
        <translation>Key projects</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="147" />
        <source>督办函</source>
        <translation>Warning letters</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="111" />
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="117" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PendingTag</name>
    <message>
        <location filename="../../qml/components/PendingTag.qml" line="13" />
        <source>待上传</source>
        <translation>To upload</translation>
    </message>
    <message>
        <location filename="../../qml/components/PendingTag.qml" line="24" />
        <source>尚未上传到服务器</source>
        <translation>Not yet uploaded to the server</translation>
    </message>
</context>
<context>
    <name>PlanChart</name>
    <message>
        <location filename="../../qml/components/PlanChart.qml" line="16" />
        <source>年度计划 %1 万元，已完成 %2 万元</source>
        <translation>Plan this year %1 × 10k yuan, completed %2 × 10k yuan</translation>
    </message>
    <message>
        <location filename="../../qml/components/PlanChart.qml" line="20" />
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../qml/components/PlanChart.qml" line="21" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../qml/components/PlanChart.qml" line="43" />
        <source>万元</source>
        <translation> × 10k yuan</translation>
    </message>
</context>
<context>
    <name>ProjectDelegate</name>
    <message>
        <location filename="../../qml/components/ProjectDelegate.qml" line="60" />
        <source>总投资 %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../qml/components/ProjectDelegate.qml" line="64" />
        <source>年度计划 %1</source>
        <translation>Plan this year %1</translation>
    </message>
    <message>
        <location filename="../../qml/components/ProjectDelegate.qml" line="73" />
        <source>完成率 %1</source>
        <translation>Completion %1</translation>
    </message>
    <message>
        <location filename="../../qml/components/ProjectDelegate.qml" line="85" />
        <source>%1 条待上传</source>
        <translation>%1 to upload</translation>
    </message>
    <message>
        <location filename="../../qml/components/ProjectDelegate.qml" line="85" />
        <source>待上传</source>
        <translation>To upload</translation>
    </message>
</context>
<context>
    <name>ProjectDetailPage</name>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="14" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="78" />
        <source>现场走访</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="83" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="88" />
        <source>所属清单</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="89" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="90" />
        <source>建设阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="91" />
        <source>建设起止年限</source>
        <translation>Construction years</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="92" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="93" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="94" />
        <source>所在乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="95" />
        <source>建设规模及内容</source>
        <translation>Scale and content</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="96" />
        <source>年度建设内容</source>
        <translation>This year's work</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="97" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="110" />
        <source>投资情况</source>
        <translation>Investment</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="114" />
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="115" />
        <source>以前年度完成</source>
        <translation>Completed in earlier years</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="117" />
        <source>%1年计划投资</source>
        <translation>Planned investment %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="120" />
        <source>今年已完成</source>
        <translation>Completed this year</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="121" />
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="140" />
        <source>节点目标</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="177" />
        <source>动态</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectDetailPage.qml" line="183" />
        <source>还没有填报、走访或审核记录</source>
        <translation>No reports, visits or reviews yet</translation>
    </message>
</context>
<context>
    <name>ProjectListPage</name>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="23" />
        <source>重点项目</source>
        <translation>Key projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="71" />
        <source>搜索项目、单位、建设内容</source>
        <translation>Search projects, units, scope</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="72" />
        <source>搜索项目</source>
        <translation>Search projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="85" />
        <source>全部预警</source>
        <translation>All warning levels</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="85" />
        <source>提醒及以上</source>
        <translation>Reminder and above</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="85" />
        <source>预警及以上</source>
        <translation>Warning and above</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="85" />
        <source>纠责</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="86" />
        <source>预警等级</source>
        <translation>Warning level</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="92" />
        <source>按清单顺序</source>
        <translation>In list order</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="92" />
        <source>按名称</source>
        <translation>By name</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="92" />
        <source>按总投资</source>
        <translation>By total investment</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="92" />
        <source>按年度计划</source>
        <translation>By this year's plan</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="93" />
        <source>按预警等级</source>
        <translation>By warning level</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="94" />
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="98" />
        <source>我的项目</source>
        <translation>My projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="99" />
        <source>只看我的项目</source>
        <translation>Only my projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="103" />
        <source>收起筛选</source>
        <translation>Fewer filters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="103" />
        <source>更多筛选</source>
        <translation>More filters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="111" />
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="117" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="123" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="129" />
        <source>所在乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="135" />
        <source>建设阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="170" />
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="170" />
        <source>共 %1 个项目</source>
        <translation>%1 projects</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="178" />
        <source>没有找到“%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ProjectListPage.qml" line="178" />
        <source>暂无项目，请先同步</source>
        <translation>No projects yet; sync first</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="14" />
        <location filename="../../qml/pages/RecordPage.qml" line="66" />
        <source>走访记录</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="14" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="23" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="23" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="23" />
        <source>企业已确认</source>
        <translation>Confirmed by the enterprise</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="24" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="24" />
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="49" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="50" />
        <source>（第 %1 版）</source>
        <translation> (version %1)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="52" />
        <source>填报月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="54" />
        <source>本月完成投资</source>
        <translation>Invested this month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="58" />
        <source>形象进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="61" />
        <source>进展情况</source>
        <translation>Progress narrative</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="62" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="63" />
        <source>需协调解决事项</source>
        <translation>Issues needing coordination</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="64" />
        <source>走访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="65" />
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="67" />
        <source>见面人员</source>
        <translation>People met</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="71" />
        <source>照片 %1 张</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="105" />
        <source>未下载</source>
        <translation>Not downloaded</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="113" />
        <source>照片 %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="121" />
        <source>退回意见（退回时必填）</source>
        <translation>What to correct (required to return)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="121" />
        <source>异议说明（有异议时必填）</source>
        <translation>Reason for the dispute (required to dispute)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="123" />
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="139" />
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="145" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="151" />
        <source>确认属实</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="157" />
        <source>有异议</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="163" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordPage.qml" line="169" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="14" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="46" />
        <location filename="../../qml/pages/ReportPage.qml" line="52" />
        <source>填报月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="58" />
        <source>本月完成投资（万元）</source>
        <translation>Invested this month (10k yuan)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="64" />
        <source>本月完成投资，万元</source>
        <translation>Invested this month, 10k yuan</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="70" />
        <source>形象进度（%）</source>
        <translation>Progress (%)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="76" />
        <source>形象进度，百分比</source>
        <translation>Progress, percent</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="82" />
        <location filename="../../qml/pages/ReportPage.qml" line="88" />
        <source>进展情况</source>
        <translation>Progress narrative</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="95" />
        <location filename="../../qml/pages/ReportPage.qml" line="101" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="107" />
        <location filename="../../qml/pages/ReportPage.qml" line="113" />
        <source>需协调解决事项</source>
        <translation>Issues needing coordination</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="121" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="127" />
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="14" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="32" />
        <source>共 %1 条待审核，已选 %2 条</source>
        <translation>%1 waiting, %2 selected</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="37" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="43" />
        <source>批量通过</source>
        <translation>Approve selected</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="57" />
        <source>记录类型</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="64" />
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="71" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="125" />
        <source>选择 %1</source>
        <translation>Select %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="138" />
        <source>现场走访</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="138" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="140" />
        <source>企业已确认</source>
        <translation>Confirmed by the enterprise</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="141" />
        <source>照片 %1 张</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="160" />
        <source>没有待审核的记录</source>
        <translation>Nothing waits for review</translation>
    </message>
    <message>
        <location filename="../../qml/pages/ReviewQueuePage.qml" line="160" />
        <source>没有符合筛选条件的待审核记录</source>
        <translation>Nothing waiting matches these filters</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="11" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="19" />
        <location filename="../../qml/pages/SettingsPage.qml" line="25" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="29" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="32" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="33" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="34" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="35" />
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="37" />
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="41" />
        <source>退出登录后，本机数据和未同步的修改仍会保留，同一账号再次登录后继续同步。</source>
        <translation>After signing out, this device keeps its data and unsynced changes; they sync when the same account signs in again.</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="47" />
        <source>督办 %1</source>
        <translation>Duban %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="14" />
        <location filename="../../qml/pages/SignInPage.qml" line="138" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="25" />
        <location filename="../../qml/pages/SignInPage.qml" line="76" />
        <source>选择 CA 证书文件</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="26" />
        <source>证书 (*.crt *.pem *.cer)</source>
        <translation>Certificates (*.crt *.pem *.cer)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="26" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="41" />
        <source>督办</source>
        <translation>Duban</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="48" />
        <source>重点项目现场督办</source>
        <translation>Key projects in the field</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="58" />
        <location filename="../../qml/pages/SignInPage.qml" line="60" />
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="69" />
        <source>CA 证书文件（ca.crt）</source>
        <translation>CA certificate file (ca.crt)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="70" />
        <source>CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="75" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="83" />
        <source>服务器使用公共证书时可留空（使用本机信任的证书）；连接督办自建的服务器时，请选择它提供的 ca.crt。</source>
        <translation>Leave empty when the server has a public certificate (the device's trusted CAs are used); for a Duban server with its own CA, choose the ca.crt it provides.</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="93" />
        <source>无法打开文件选择（本机缺少 Qt 组件）：请直接填写 CA 证书文件的完整路径。</source>
        <translation>Cannot open the file picker (a Qt component is missing): type the CA file's full path instead.</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="102" />
        <location filename="../../qml/pages/SignInPage.qml" line="103" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="112" />
        <location filename="../../qml/pages/SignInPage.qml" line="114" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="123" />
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="123" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="124" />
        <source>隐藏密码</source>
        <translation>Hide the password</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="124" />
        <source>显示密码</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="138" />
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="146" />
        <source>首次登录后，无网络时也可使用；恢复网络后自动同步。</source>
        <translation>After the first sign-in it works with no network, and syncs when the network is back.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="17" />
        <source>同步中</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="18" />
        <source>待处理 %1</source>
        <translation>%1 to resolve</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="19" />
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="19" />
        <source>离线 · %1 条待上传</source>
        <translation>Offline · %1 to upload</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="20" />
        <source>%1 条待上传</source>
        <translation>%1 to upload</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="21" />
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="22" />
        <source>同步状态：%1</source>
        <translation>Sync status: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="13" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="25" />
        <source>同步进度</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="27" />
        <source>待同步修改</source>
        <translation>Changes waiting to sync</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="28" />
        <source>待上传照片文件</source>
        <translation>Photo files to upload</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="30" />
        <source>上传被拒的照片</source>
        <translation>Photos refused by the server</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="33" />
        <source>待处理（退回与冲突）</source>
        <translation>To resolve (refused and conflicts)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="35" />
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="36" />
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="40" />
        <source>无法连接服务器，修改已保存在本机，恢复网络后自动同步。</source>
        <translation>The server cannot be reached. Your changes are saved on this device and sync when the network is back.</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="48" />
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="54" />
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="64" />
        <source>照片上传</source>
        <translation>Photo uploads</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="79" />
        <source>缩略图</source>
        <translation>Thumbnail</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="79" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="86" />
        <source>上传进度 %1%</source>
        <translation>Upload %1%</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="90" />
        <source>被拒绝：%1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="98" />
        <source>待处理</source>
        <translation>To resolve</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="125" />
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="125" />
        <source>被退回的修改</source>
        <translation>Refused change</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="135" />
        <source>您填写的内容：%1</source>
        <translation>What you entered: %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="143" />
        <source>重新提交</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/SyncPage.qml" line="148" />
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>TimelineEntry</name>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="15" />
        <source>进度填报</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="15" />
        <source>现场走访</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="15" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="15" />
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="18" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="18" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="18" />
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="19" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="19" />
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="19" />
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="20" />
        <source>有异议</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="20" />
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="20" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="21" />
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="21" />
        <source>提醒函</source>
        <translation>Reminder letter</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="21" />
        <source>预警函</source>
        <translation>Warning letter</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="21" />
        <source>纠责函</source>
        <translation>Accountability letter</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimelineEntry.qml" line="59" />
        <source>形象进度 %1%，本月完成投资 %2</source>
        <translation>Progress %1%, invested this month %2</translation>
    </message>
</context>
<context>
    <name>UploadProgress</name>
    <message>
        <location filename="../../qml/components/UploadProgress.qml" line="34" />
        <source>已上传</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../qml/components/UploadProgress.qml" line="35" />
        <source>上传中 %1%</source>
        <translation>Uploading %1%</translation>
    </message>
    <message>
        <location filename="../../qml/components/UploadProgress.qml" line="36" />
        <source>待上传</source>
        <translation>To upload</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="17" />
        <source>现场走访</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="30" />
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="31" />
        <source>JPEG 照片 (*.jpg *.jpeg)</source>
        <translation>JPEG photos (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="74" />
        <source>走访时间（北京时间）</source>
        <translation>Visit time (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="79" />
        <source>走访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="85" />
        <source>位置（设备定位）</source>
        <translation>Position (from the device)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="85" />
        <source>位置（手动填写）</source>
        <translation>Position (typed)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="89" />
        <location filename="../../qml/pages/VisitPage.qml" line="92" />
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="98" />
        <location filename="../../qml/pages/VisitPage.qml" line="101" />
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="107" />
        <source>精度(米)</source>
        <translation>Accuracy (m)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="110" />
        <source>定位精度，米</source>
        <translation>Position accuracy, metres</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="120" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="135" />
        <source>照片 %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="147" />
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="153" />
        <source>正在处理…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="153" />
        <source>从文件添加照片</source>
        <translation>Add photo from file</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="171" />
        <location filename="../../qml/pages/VisitPage.qml" line="177" />
        <source>走访记录</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="184" />
        <location filename="../../qml/pages/VisitPage.qml" line="189" />
        <source>见面人员</source>
        <translation>People met</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="197" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../qml/pages/VisitPage.qml" line="203" />
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
</context>
<context>
    <name>WarningBadge</name>
    <message>
        <location filename="../../qml/components/WarningBadge.qml" line="12" />
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../qml/components/WarningBadge.qml" line="12" />
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../qml/components/WarningBadge.qml" line="12" />
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../qml/components/WarningBadge.qml" line="12" />
        <source>纠责</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../qml/components/WarningBadge.qml" line="23" />
        <source>预警等级：%1</source>
        <translation>Warning level: %1</translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <location filename="../../qml/components/WarningBanner.qml" line="13" />
        <source>您有%1份督办函待签收</source>
        <translation>You have %1 warning letter(s) to acknowledge</translation>
    </message>
</context>
<context>
    <name>WarningPage</name>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="16" />
        <source>督办函</source>
        <translation>Warning letters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="51" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="54" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="55" />
        <source>期限 %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="57" />
        <source>督办事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="58" />
        <source>整改期限</source>
        <translation>Correct by</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="59" />
        <source>签发时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="62" />
        <source>签收时间</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="68" />
        <source>签收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="74" />
        <source>导出函件 PDF</source>
        <translation>Export letter PDF</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningPage.qml" line="80" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>WarningProposalsPage</name>
    <message>
        <location filename="../../qml/pages/WarningProposalsPage.qml" line="12" />
        <source>督办建议</source>
        <translation>Proposed letters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningProposalsPage.qml" line="63" />
        <source>签发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningProposalsPage.qml" line="73" />
        <source>暂无需要签发的督办函</source>
        <translation>No letters to issue</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningProposalsPage.qml" line="96" />
        <source>整改期限（年-月-日）</source>
        <translation>Correct by (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningProposalsPage.qml" line="99" />
        <source>整改期限</source>
        <translation>Correct by</translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <location filename="../../qml/app/exports.cpp" line="52" />
        <source>这份督办函不在本设备上。</source>
        <translation>This letter is not on this device.</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="18" />
        <source>督办函</source>
        <translation>Warning letters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="37" />
        <source>只看待签收</source>
        <translation>Only those to acknowledge</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="42" />
        <source>督办建议</source>
        <translation>Proposed letters</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="87" />
        <source>已签收 %1</source>
        <translation>Acknowledged %1</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="88" />
        <source>整改期限 %1 · 待签收</source>
        <translation>Correct by %1 · to acknowledge</translation>
    </message>
    <message>
        <location filename="../../qml/pages/WarningsPage.qml" line="99" />
        <source>暂无督办函</source>
        <translation>No warning letters</translation>
    </message>
</context>
</TS>