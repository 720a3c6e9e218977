<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartDataDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/chart_data_dialog.py" line="25"/>
        <source>Chart data: {0}</source>
        <translation>图表数据：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/chart_data_dialog.py" line="35"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="289"/>
        <source>Over time</source>
        <extracomment>Tabs that show the comparison year (the ranking and scatter follow the year box). suspect values count in medians and ranks (View &gt; Include suspect values) The charted cities&apos; years with data: the year boxes show it until the user sets a range (None: nothing drawn yet; the boxes then show the dataset&apos;s years). where the PNG dialog remembers its size and DPI (set by the controller; None: nothing remembered) The indicators each tab drew last: their definitions go with its data export. The selection the Structure tab shows (its years stay while focus and data do).</extracomment>
        <translation>随时间变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="289"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="290"/>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="291"/>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="773"/>
        <source>Small multiples</source>
        <translation>小多图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="292"/>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="292"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="294"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="294"/>
        <source>Index (base year = 100)</source>
        <translation>指数（基期=100）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="295"/>
        <source>% change from start</source>
        <translation>较起始年变化（%）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="309"/>
        <source>How values are shown over time</source>
        <translation>随时间显示数值的方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="310"/>
        <source>Base year of the index (= 100)</source>
        <translation>指数基期（=100）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="298"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="299"/>
        <source>Base</source>
        <translation>基期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="300"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="311"/>
        <source>First year shown</source>
        <translation>显示的第一年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="312"/>
        <source>Last year shown</source>
        <translation>显示的最后一年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="301"/>
        <source>Peer median and inter-quartile band</source>
        <translation>同类中位数及四分位区间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="302"/>
        <source>All comparable cities, faintly</source>
        <translation>淡显所有可比城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="313"/>
        <source>Year of the ranking and the scatter</source>
        <translation>排名图和散点图的年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="314"/>
        <source>Indicator across</source>
        <translation>横轴指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="315"/>
        <source>Indicator up</source>
        <translation>纵轴指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="303"/>
        <source>Size by population</source>
        <translation>按人口确定点的大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="304"/>
        <source>Trails over the years</source>
        <translation>历年轨迹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="306"/>
        <source>Each city&apos;s path over the ten years up to the chosen year</source>
        <translation>各城市截至所选年份的十年轨迹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="307"/>
        <source>Log scale across</source>
        <translation>横轴对数坐标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="321"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="322"/>
        <source>Save chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="322"/>
        <source>Save chart as SVG…</source>
        <translation>将图表另存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="323"/>
        <source>Save data as CSV…</source>
        <translation>将数据另存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="323"/>
        <source>Save data as Excel…</source>
        <translation>将数据另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="324"/>
        <source>View data…</source>
        <translation>查看数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="324"/>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="328"/>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="329"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="330"/>
        <source>Across</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="331"/>
        <source>Up</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="333"/>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="467"/>
        <source>Latest shared</source>
        <translation>最近共同年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="334"/>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="468"/>
        <source>Each city&apos;s latest</source>
        <translation>各城市最新年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="587"/>
        <source>These indicators report money in different currencies, which are not drawn on one axis: choose another currency in the toolbar.</source>
        <translation>这些指标的货币单位不同，不能画在同一坐标轴上：请在工具栏中选择另一种货币。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="603"/>
        <source>yuan converted to international $ at PPP (the view&apos;s currency)</source>
        <translation>人民币按购买力平价折算为国际元（视图货币）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="605"/>
        <source>yuan converted to US$ at annual average exchange rates (the view&apos;s currency)</source>
        <translation>人民币按年平均汇率折算为美元（视图货币）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="590"/>
        <source>These indicators have different units and cannot share an axis.</source>
        <translation>这些指标单位不同，不能共用一个坐标轴。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="592"/>
        <source>No exchange rates in the data: values cannot be converted.</source>
        <translation>数据中没有汇率：无法换算数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="594"/>
        <source>This chart cannot be drawn ({0}).</source>
        <translation>无法绘制此图表（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="611"/>
        <source>Chinese prefecture-level cities include their rural counties; US metropolitan areas are commuting regions. Money values are converted between US dollars and yuan at the World Bank&apos;s annual average exchange rate of each year; the chart says which currency it shows.</source>
        <translation>中国地级市数据包含所辖农村县；美国都市区为通勤区域。货币数值按世界银行各年年平均汇率在美元和人民币之间换算，图中注明所用币种。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="670"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="671"/>
        <source>{0} was not written: {1}</source>
        <translation>{0} 未写入：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="690"/>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="691"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="718"/>
        <source>Copy failed</source>
        <translation>复制失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="719"/>
        <source>The chart was not copied: {0}</source>
        <translation>图表未复制：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="730"/>
        <source>Save chart as SVG</source>
        <translation>将图表另存为 SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="731"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="755"/>
        <source>Save chart data as CSV</source>
        <translation>将图表数据另存为 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="756"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="764"/>
        <source>Save chart data as Excel</source>
        <translation>将图表数据另存为 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/chart_panel.py" line="765"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="251"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="252"/>
        <source>Spreadsheets (*.csv *.tsv *.txt *.gz *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>电子表格 (*.csv *.tsv *.txt *.gz *.xlsx *.xlsm *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="281"/>
        <source>Imported by the user</source>
        <translation>用户导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="299"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="300"/>
        <source>Nothing was changed: {0}</source>
        <translation>未做任何更改：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="309"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="327"/>
        <source>Imported {0} from {1}: {2}, {3}, {4}.</source>
        <translation>已从 {1} 导入 {0}：{2}、{3}，{4}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="328"/>
        <source>1 value</source>
        <translation>1 个数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="328"/>
        <source>{0} values</source>
        <translation>{0} 个数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="330"/>
        <source>1 new city</source>
        <translation>新增城市 1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="331"/>
        <source>{0} new cities</source>
        <translation>新增城市 {0} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="332"/>
        <source>1 new indicator</source>
        <translation>新增指标 1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="333"/>
        <source>{0} new indicators</source>
        <translation>新增指标 {0} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="334"/>
        <source>1 bundled value replaced</source>
        <translation>替换内置数值 1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="335"/>
        <source>{0} bundled values replaced</source>
        <translation>替换内置数值 {0} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="342"/>
        <source>1 imported value</source>
        <translation>1 个导入数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="342"/>
        <source>{0} imported values</source>
        <translation>{0} 个导入数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="344"/>
        <source>with a different value</source>
        <translation>数值不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="345"/>
        <source>with the same value</source>
        <translation>数值相同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="346"/>
        <source>{0} with a different value</source>
        <translation>其中 {0} 个数值不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="347"/>
        <source>all with the same value</source>
        <translation>数值均相同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="355"/>
        <source>{0} repeated a city, indicator and year under another name ({1}); the first was kept (details below).</source>
        <translation>有 {0}以另一名称重复了同一城市、指标和年份（{1}）；已保留第一个（详见下文）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="357"/>
        <source>Repeated after matching names (the first row kept, the others not imported):</source>
        <translation>名称匹配后重复的数值（保留第一行，其余未导入）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="361"/>
        <source>… and {0} more.</source>
        <translation>……另有 {0} 项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="371"/>
        <source>row {0}, column {1}: {2} {3}</source>
        <translation>第 {0} 行第 {1} 列：{2} {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="374"/>
        <source>{0} / {1} / {2}: kept {3}; not kept: {4}</source>
        <translation>{0} / {1} / {2}：保留 {3}；未导入：{4}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="375"/>
        <source>{0} / {1} / {2}: kept {3}; the same value again: {4}</source>
        <translation>{0} / {1} / {2}：保留 {3}；相同数值重复：{4}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="480"/>
        <source>The project&apos;s focus city is not in the data that was read (is a data file missing?), so the project was not opened.</source>
        <translation>项目的重点城市不在已读取的数据中（是否缺少数据文件？），因此未打开该项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="501"/>
        <source>{0}: {1} repeated a city, indicator and year under another name ({2}); the first was kept.</source>
        <translation>{0}：有 {1}以另一名称重复了同一城市、指标和年份（{2}）；已保留第一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="511"/>
        <source>Could not read the project&apos;s data</source>
        <translation>无法读取项目数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="506"/>
        <source>The project was not opened: {0}</source>
        <translation>项目未能打开：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="565"/>
        <source>Constant prices need every country&apos;s GDP deflator and exchange rate in {0}; shown at current prices.</source>
        <translation>按不变价显示需要所选各国{0}年的 GDP 平减指数和汇率；现按现价显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="567"/>
        <source>Constant prices need every country&apos;s GDP deflator; shown at current prices.</source>
        <translation>按不变价显示需要所选各国的 GDP 平减指数；现按现价显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="695"/>
        <source>City Profiles — {0} and {1} peers[*]</source>
        <translation>城市概况 — {0}与{1}个同类城市[*]</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="124"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="125"/>
        <source>City Profiles hit an unexpected problem: {0}

Your data and the open comparison are unchanged; you can keep working.</source>
        <translation>城市概况遇到意外问题：{0}

您的数据和当前比较均未改变，可以继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="131"/>
        <source>Details were saved to {0}</source>
        <translation>详细信息已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="135"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="75"/>
        <source>city</source>
        <extracomment>How many differing keys the &quot;Compared with the data&quot; tab lists (the largest first). The id of the throw-away source the comparison merges under (never kept). Column roles: the code the recipe stores, and the name shown (translated when shown).</extracomment>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="76"/>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="77"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="78"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="79"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="80"/>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="83"/>
        <source>comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="84"/>
        <source>semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="85"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="86"/>
        <source>bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="89"/>
        <source>point . (thousands , or space)</source>
        <extracomment>Decimal separators; the numbers parser takes the other mark (and spaces) as the thousands separator: &apos;1,234.5&apos; with &apos;.&apos;, &apos;1.234,5&apos; with &apos;,&apos;.</extracomment>
        <translation>点 .（千位分隔符为 , 或空格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="90"/>
        <source>comma , (thousands . or space)</source>
        <translation>逗号 ,（千位分隔符为 . 或空格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="171"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="186"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="240"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="188"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="241"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="189"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="194"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="200"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="208"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="220"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="586"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="193"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="242"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="199"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="243"/>
        <source>Decimal separator</source>
        <translation>小数点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="204"/>
        <source>The mark before the decimals in text files; the other mark and spaces are read as thousands separators</source>
        <translation>文本文件中小数部分之前的符号；另一个符号和空格按千位分隔符读取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="207"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="248"/>
        <source>Layout</source>
        <translation>表格结构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="210"/>
        <source>Long: a row per city, indicator and year (time goes down)</source>
        <translation>长表：每个城市、指标和年份一行（时间向下）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="211"/>
        <source>Wide by year: years as columns (time goes right)</source>
        <translation>按年份的宽表：年份为列（时间向右）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="212"/>
        <source>Wide by indicator: a column per indicator</source>
        <translation>按指标的宽表：每个指标一列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="213"/>
        <source>SDMX-CSV (OECD, Eurostat API)</source>
        <translation>SDMX-CSV（经合组织、欧盟统计局 API）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="214"/>
        <source>Eurostat bulk TSV</source>
        <translation>欧盟统计局批量 TSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="221"/>
        <source>Source row where the header starts</source>
        <translation>表头在源文件中的起始行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="222"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="247"/>
        <source>Header starts at row</source>
        <translation>表头起始行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="224"/>
        <source>Number of header rows</source>
        <translation>表头行数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="226"/>
        <source> row(s)</source>
        <translation> 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="229"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="235"/>
        <source>From the table</source>
        <translation>取自表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="231"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="249"/>
        <source>Year of the table</source>
        <translation>表格年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="233"/>
        <source>For a table without a year column, such as a yearbook table: the year it covers</source>
        <translation>适用于没有年份列的表格（如统计年鉴表格）：表格所属年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="236"/>
        <source>For a table without a city column: the city</source>
        <translation>适用于没有城市列的表格：表格所属城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="237"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="250"/>
        <source>City of the table</source>
        <translation>表格城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="253"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="253"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="259"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="262"/>
        <source>Column roles</source>
        <translation>列的作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="274"/>
        <source>File preview</source>
        <translation>文件预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="277"/>
        <source>Result preview</source>
        <translation>结果预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="280"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="282"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="283"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="284"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="316"/>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="318"/>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="321"/>
        <source>Stop reading</source>
        <translation>停止读取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="325"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="328"/>
        <source>Load recipe…</source>
        <translation>载入导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="330"/>
        <source>Save recipe…</source>
        <translation>保存导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="384"/>
        <source>All visible sheets</source>
        <translation>所有可见工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="392"/>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="453"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="488"/>
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="496"/>
        <source>Reading stopped. Change a choice to read again.</source>
        <translation>已停止读取。更改任一选项即可重新读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="521"/>
        <source>{0} values from {1} rows · {2} cities ({3} new) · {4} indicators · {5} warnings · {6} errors</source>
        <translation>{1} 行中读取 {0} 个数值 · {2} 个城市（新增 {3} 个）· {4} 个指标 · {5} 个警告 · {6} 个错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="535"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="585"/>
        <source>Detected: {0}</source>
        <translation>检测结果：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="587"/>
        <source>Detected when the file is read; choose another entry to override it</source>
        <translation>读取文件时自动检测；选择其他项可改用指定值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="597"/>
        <source>Role of column {0}</source>
        <translation>列 {0} 的作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="619"/>
        <source>Load import recipe</source>
        <translation>载入导入方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="620"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="634"/>
        <source>Import recipes (*.json)</source>
        <translation>导入方案 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="632"/>
        <source>Save import recipe</source>
        <translation>保存导入方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="639"/>
        <source>Could not save the recipe: {0}</source>
        <translation>无法保存导入方案：{0}</translation>
    </message>
</context>
<context>
    <name>IndicatorList</name>
    <message>
        <location filename="../../desktop/ui/panels/indicator_list.py" line="29"/>
        <location filename="../../desktop/ui/panels/indicator_list.py" line="66"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="331"/>
        <source>Chart title</source>
        <extracomment>The spread&apos;s legend mark: its middle half&apos;s fill over white, as drawn</extracomment>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="333"/>
        <source>Indicator over time</source>
        <translation>指标历年变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="351"/>
        <source>Values at the pointer</source>
        <translation>指针处的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="380"/>
        <source>No values for the selected cities.</source>
        <translation>所选城市没有数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="388"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="400"/>
        <source>Other comparable cities ({0}): 10th–90th and, darker, 25th–75th percentile</source>
        <translation>其他可比城市（{0}）：第10–90百分位，颜色较深处为第25–75百分位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="403"/>
        <source>Other comparable cities ({0})</source>
        <translation>其他可比城市（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="406"/>
        <source>series break</source>
        <translation>口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="475"/>
        <location filename="../../desktop/ui/plots/line_chart.py" line="496"/>
        <source>Peer median</source>
        <translation>同类中位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="497"/>
        <source>Peers, 25th percentile</source>
        <translation>同类城市第25百分位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="498"/>
        <source>Peers, 75th percentile</source>
        <translation>同类城市第75百分位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="501"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="502"/>
        <source>City id</source>
        <translation>城市代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="502"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="503"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="504"/>
        <source>Suspect value: why</source>
        <translation>可疑数值：原因</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="68"/>
        <location filename="../../desktop/ui/main_window.py" line="94"/>
        <location filename="../../desktop/ui/main_window.py" line="392"/>
        <source>City Profiles</source>
        <extracomment>The side panels&apos; width: about a quarter of the window, within these bounds (pixels). The charts&apos; height in a short window, and the least the table (with findings) keeps. Below this height of the table and charts, the findings strip shows three lines, not five. The earliest base year the Prices box offers by name (any later year with a deflator).</extracomment>
        <translation>城市概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303"/>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="304"/>
        <source>Focus city </source>
        <translation>重点城市 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305"/>
        <source>Find a city (English or 中文)…</source>
        <translation>查找城市（中文或英文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="306"/>
        <source>Focus city</source>
        <translation>重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="307"/>
        <source>Type part of a name in English or Chinese</source>
        <translation>输入中文或英文名称的一部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="308"/>
        <source> Year </source>
        <translation> 年份 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309"/>
        <source>Comparison year</source>
        <translation>比较年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="310"/>
        <source>Latest shared</source>
        <translation>最近共同年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="544"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="545"/>
        <source>Copy the profile table as tab-separated text</source>
        <translation>以制表符分隔的文本复制对比表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="200"/>
        <location filename="../../desktop/ui/main_window.py" line="399"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <location filename="../../desktop/ui/main_window.py" line="393"/>
        <source>Dataset summary</source>
        <extracomment>Asked before the window closes (unsaved changes); set by the project controller.</extracomment>
        <translation>数据集概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="99"/>
        <location filename="../../desktop/ui/main_window.py" line="104"/>
        <location filename="../../desktop/ui/main_window.py" line="116"/>
        <source>Loading the bundled data…</source>
        <translation>正在加载内置数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126"/>
        <source>The bundled data could not be loaded: {0}</source>
        <translation>无法加载内置数据：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="311"/>
        <source>Each row compares the latest year all the selected cities have</source>
        <translation>每行比较所有所选城市都有数值的最近年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="313"/>
        <source>Each city&apos;s latest</source>
        <translation>各城市最新年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="315"/>
        <source>Each city&apos;s latest value, whatever its year: values of different years are marked, and the peer median and ranks then compare different years</source>
        <translation>各城市的最新数值，不论年份：不同年份的数值会标出，此时同类中位数和排名比较的是不同年份的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="317"/>
        <source> Currency </source>
        <translation> 货币 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318"/>
        <source>Currency of money values</source>
        <translation>货币金额的币种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="320"/>
        <source>Money in the table, the charts and the report: Automatic is yuan for Chinese cities alone and US$ when the selection mixes countries</source>
        <translation>表格、图表和报告中的金额：“自动”在只选中国城市时用人民币，所选地区跨国家时用美元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="322"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="322"/>
        <source>Yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="323"/>
        <source>US$ (annual exchange rate)</source>
        <translation>美元（年平均汇率）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="324"/>
        <source>International $ (PPP)</source>
        <translation>国际元（购买力平价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="326"/>
        <source> Prices </source>
        <translation> 价格 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="327"/>
        <source>Prices of money values</source>
        <translation>货币数值的价格口径</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source>Money in the table, the charts and the report at current prices, or at constant prices of a base year: deflated with each country&apos;s national GDP deflator, then converted at the base year&apos;s rate</source>
        <translation>表格、图表和报告中的货币数值按现价，或按某一基年的不变价显示：先用各国的国家 GDP 平减指数平减，再按基年的汇率换算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="332"/>
        <source>Current prices</source>
        <translation>现价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="333"/>
        <source>Constant prices (latest base year)</source>
        <translation>不变价（最新基年）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="336"/>
        <source>Constant {0} prices</source>
        <translation>{0}年不变价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="377"/>
        <source>Filter indicators (English or 中文)…</source>
        <translation>筛选指标（英文或中文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="378"/>
        <source>Filter indicators</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="379"/>
        <source>Show only the indicators whose name contains this text, in English or Chinese</source>
        <translation>只显示名称（英文或中文）包含此文字的指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="381"/>
        <source>&amp;Details</source>
        <translation>详细(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="383"/>
        <source>Rank among all comparable cities, percentile, index, changes over 1, 5 and 10 years, growth rates and a sentence per indicator</source>
        <translation>在全部可比城市中的排名、百分位、指数、1年/5年/10年变化、年均增长率，以及每个指标的一句话说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="385"/>
        <source>Fi&amp;lter</source>
        <translation>筛选(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="496"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="513"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="514"/>
        <source>Open a saved comparison with its data files</source>
        <translation>打开已保存的比较及其数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="515"/>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="516"/>
        <source>Save this comparison and the data files it uses</source>
        <translation>保存当前比较及其使用的数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="517"/>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="433"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="555"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="518"/>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="435"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="519"/>
        <source>Read a CSV, TSV or Excel file and add its values to the comparison</source>
        <translation>读取 CSV、TSV 或 Excel 文件，并将其数值加入比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="520"/>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="437"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="521"/>
        <source>Save the profile table as CSV or Excel</source>
        <translation>将对比表保存为 CSV 或 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="522"/>
        <source>&amp;Print report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="523"/>
        <source>Preview, print or save a profile report (PDF or HTML)</source>
        <translation>预览、打印或保存城市概况报告（PDF 或 HTML）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="524"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="546"/>
        <source>Copy c&amp;hart</source>
        <translation>复制图表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="547"/>
        <source>Copy the chart as a picture, with its data as text for a spreadsheet</source>
        <translation>复制图表图片，并附上数据文本，可粘贴到电子表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="553"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="553"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="525"/>
        <source>&amp;Find a city</source>
        <translation>查找城市(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="526"/>
        <source>Type a city name in English or Chinese</source>
        <translation>输入城市的中文或英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="527"/>
        <source>Go to the &amp;table</source>
        <translation>转到表格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="455"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="528"/>
        <source>Go to the &amp;chart</source>
        <translation>转到图表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="456"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="529"/>
        <source>Go to the &amp;indicators</source>
        <translation>转到指标列表(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="457"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="530"/>
        <source>Find &amp;peers…</source>
        <translation>查找同类城市(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="458"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="531"/>
        <source>Propose the cities most similar to the focus city, and show why</source>
        <translation>推荐与重点城市最相似的城市，并说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="554"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="532"/>
        <source>Include &amp;suspect values</source>
        <translation>计入可疑数值(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="533"/>
        <source>Count values the breaks register judges suspect in peer medians, ranks and sentences (they stay greyed, with their reason)</source>
        <translation>将断点登记册判定为可疑的数值计入同类中位数、排名和结论句（仍以灰色显示并附原因）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="535"/>
        <source>Data &amp;sources…</source>
        <translation>数据来源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="536"/>
        <source>Where every number comes from, with caveats</source>
        <translation>每个数值的出处及注意事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>User &amp;guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="538"/>
        <source>&amp;About City Profiles</source>
        <translation>关于城市概况(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="554"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="539"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="540"/>
        <source>Language, default cities, theme, report paper and start-up</source>
        <translation>语言、默认城市、主题、报告纸张和启动选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="486"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="541"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="542"/>
        <source>Go back to the previous cities, indicator, year or chart settings</source>
        <translation>回到上一步的城市、指标、年份或图表设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543"/>
        <source>Go forward again after an undo</source>
        <translation>撤销后再前进一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="494"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="579"/>
        <source>{0} values · {1} places · {2} sources</source>
        <translation>{0} 个数值 · {1} 个地区 · {2} 个来源</translation>
    </message>
</context>
<context>
    <name>MapChart</name>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="459"/>
        <source>Chart title</source>
        <extracomment>The per-country legend&apos;s layouts, tried in turn until it fits the map&apos;s height. The layout&apos;s columns: the legend, China, the US metros. the legend&apos;s heading (what the classes are), above it in the titles&apos; row</extracomment>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="461"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="464"/>
        <source>Value at the pointer</source>
        <translation>指针处的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="484"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="486"/>
        <source>Point at a city to read its value.</source>
        <translation>将指针移到城市上可读取其数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="514"/>
        <source>City id</source>
        <translation>城市代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="514"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="514"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="514"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="515"/>
        <source>Class</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/map_chart.py" line="515"/>
        <source>Suspect value</source>
        <translation>可疑数值</translation>
    </message>
</context>
<context>
    <name>PeerFinderDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="134"/>
        <source>Find peers for {0}</source>
        <extracomment>Colour per chosen indicator (Tableau 10): the stacked bar, the legend and the column bars. View &gt; Include suspect values: the distances follow the window&apos;s switch</extracomment>
        <translation>为{0}查找同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="148"/>
        <source>Cities of the same kind ({0}) most like {1} on the indicators you tick. Weights say how much each indicator counts.</source>
        <translation>在所勾选的指标上与{1}最相似的同类城市（{0}）。权重表示每个指标的重要程度。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="155"/>
        <source>Indicators to compare</source>
        <translation>用于比较的指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="157"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="157"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="189"/>
        <source>Weight of {0}</source>
        <translation>{0}的权重</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="202"/>
        <source>Year of the values</source>
        <translation>数值年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="203"/>
        <source>Latest with good coverage</source>
        <translation>覆盖较全的最近年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="209"/>
        <source>Scaling</source>
        <translation>标准化方法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="210"/>
        <source>z-score</source>
        <translation>z 分数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="211"/>
        <source>min-max</source>
        <translation>最小-最大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="212"/>
        <source>rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="214"/>
        <source>Distance from the mean in standard deviations: outliers count a lot</source>
        <translation>与均值相差几个标准差：极端值影响大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="215"/>
        <source>Position between the lowest (0) and highest (1) value</source>
        <translation>在最低值（0）与最高值（1）之间的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="216"/>
        <source>Position in the ranking (0 lowest, 1 highest): outliers count little</source>
        <translation>在排名中的位置（0 最低，1 最高）：极端值影响小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="220"/>
        <source>Cities lacking an indicator</source>
        <translation>缺少某项指标的城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="221"/>
        <source>compare over the rest</source>
        <translation>按其余指标比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="222"/>
        <source>leave out</source>
        <translation>不参与比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="224"/>
        <source>Number of peers</source>
        <translation>同类城市数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="232"/>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="233"/>
        <source>&amp;Scaling</source>
        <translation>标准化(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="234"/>
        <source>&amp;Missing values</source>
        <translation>缺失值(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="235"/>
        <source>&amp;Peers to propose</source>
        <translation>推荐数量(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="236"/>
        <source>Compare on</source>
        <translation>比较依据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="246"/>
        <source>Proposed peers</source>
        <translation>推荐的同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="258"/>
        <source>How the cities were compared</source>
        <translation>比较方法说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="260"/>
        <source>Most similar cities</source>
        <translation>最相似的城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="274"/>
        <source>&amp;Use as peers</source>
        <translation>用作同类城市(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="275"/>
        <source>Show the ticked cities as the peers</source>
        <translation>将勾选的城市设为同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="277"/>
        <source>Save as &amp;group…</source>
        <translation>另存为城市组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="278"/>
        <source>Keep the ticked cities as a named peer group</source>
        <translation>将勾选的城市保存为命名的同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="326"/>
        <source>Tick at least one indicator.</source>
        <translation>请至少勾选一个指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="345"/>
        <source>No peers: {0}</source>
        <translation>无法推荐同类城市：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="348"/>
        <source>The peer search failed: {0}</source>
        <translation>查找同类城市失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="378"/>
        <source>Share of the distance:</source>
        <translation>距离构成：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="382"/>
        <source>Bar colours: each indicator&apos;s share of a city&apos;s distance from {0}; the percentage after a name is its weight</source>
        <translation>条形颜色：各指标在该城市与{0}距离中所占的份额；名称后的百分比为其权重</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="384"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="384"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="384"/>
        <source>Why (share of the distance)</source>
        <translation>原因（距离构成）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="393"/>
        <source>Value in {0}; the bar is this indicator&apos;s share of the distance</source>
        <translation>{0}年数值；条形为该指标在距离中所占份额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="406"/>
        <source>{0} (focus)</source>
        <translation>{0}（重点城市）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="428"/>
        <source>Compared without: {0}</source>
        <translation>比较时缺少：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="465"/>
        <source>No value in this year: the distance is averaged over the other indicators</source>
        <translation>该年无数值：距离按其余指标平均计算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="468"/>
        <source>{0}: {1} of the distance</source>
        <translation>{0}：占距离的{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="475"/>
        <source>Values of {0} only; each indicator scaled by {1} over the cities that have it.</source>
        <translation>仅使用{0}年数值；各指标在有数值的城市中按{1}标准化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="478"/>
        <source>Left out because {0} has no value in {1} (or its weight is 0): {2}.</source>
        <translation>因{0}在{1}年无数值（或权重为0）而未使用：{2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="484"/>
        <source>Compared {0} of {1} cities: {2} with every indicator, {3} over the indicators they have (marked *, distance renormalised); {4} excluded with less than {5} of the weight.</source>
        <translation>比较了{1}个城市中的{0}个：{2}个具备全部指标，{3}个按其已有指标比较（标记 *，距离已重新归一）；{4}个因指标权重不足{5}而排除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="491"/>
        <source>Compared {0} of {1} cities; {2} excluded because they lack at least one indicator.</source>
        <translation>比较了{1}个城市中的{0}个；{2}个因缺少至少一项指标而排除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="512"/>
        <source>Save as group</source>
        <translation>另存为城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="513"/>
        <source>Name of the peer group:</source>
        <translation>同类城市组名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="514"/>
        <source>Like {0}</source>
        <translation>与{0}相似</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/peer_finder.py" line="525"/>
        <source>Saved as the peer group “{0}”.</source>
        <translation>已保存为同类城市组“{0}”。</translation>
    </message>
</context>
<context>
    <name>PeerPicker</name>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="200"/>
        <location filename="../../desktop/ui/panels/city_picker.py" line="211"/>
        <source>Peer group</source>
        <translation>同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="201"/>
        <source>Custom selection</source>
        <translation>自定义选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="202"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="203"/>
        <source>Delete this saved group</source>
        <translation>删除这个已保存的城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="204"/>
        <source>Delete the saved peer group</source>
        <translation>删除已保存的同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="205"/>
        <source>Peer cities</source>
        <translation>同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="206"/>
        <source>Add a peer city…</source>
        <translation>添加同类城市…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="207"/>
        <source>Add a peer city</source>
        <translation>添加同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="208"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="209"/>
        <source>Remove every peer city</source>
        <translation>移除全部同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="210"/>
        <source>Clear the peer cities</source>
        <translation>清除同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="250"/>
        <source>Saved group</source>
        <translation>已保存的城市组</translation>
    </message>
</context>
<context>
    <name>PngDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="27"/>
        <source>Slide, 16:9</source>
        <extracomment>Presets: (name, width, height), named for what the picture is for.</extracomment>
        <translation>幻灯片，16:9</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="28"/>
        <source>Document, half a page</source>
        <translation>文档，半页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="29"/>
        <source>Print, A4 width at 300 DPI</source>
        <translation>印刷，A4 宽度，300 DPI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="40"/>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="44"/>
        <source>Picture size preset</source>
        <translation>图片尺寸预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="45"/>
        <source>As on screen ({0} × {1})</source>
        <translation>与屏幕相同（{0} × {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="51"/>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="53"/>
        <source>Width in pixels</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="54"/>
        <source>Height in pixels</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="56"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="60"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="62"/>
        <source>Dots per inch: at 150 or 300 the chart&apos;s text and lines are drawn larger, for print, and the file records the resolution</source>
        <translation>每英寸点数：150 或 300 时图表的文字和线条画得更大，适合印刷，文件中也记录该分辨率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="72"/>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="73"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/png_dialog.py" line="74"/>
        <source>&amp;DPI:</source>
        <translation>DPI(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>ProfileTable</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="614"/>
        <source>Indicator</source>
        <extracomment>Column headings and tooltips, marked for translation and translated when shown.</extracomment>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="616"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="617"/>
        <source>Display unit (亿 = 100 million, 万 = 10,000)</source>
        <translation>显示单位（亿 = 1亿，万 = 1万）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="620"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="621"/>
        <source>Comparison year; a value from another year shows it in brackets</source>
        <translation>比较年份；其他年份的数值在括号中注明年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="626"/>
        <source>Peer median</source>
        <translation>同类中位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="627"/>
        <source>Median of the peers, without the focus city</source>
        <translation>同类城市的中位数（不含重点城市）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="630"/>
        <source>Gap to median</source>
        <translation>与中位数差距</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="631"/>
        <source>Focus city against the peer median: % for levels, percentage points (pp) for rates and shares</source>
        <translation>重点城市与同类中位数的差距：总量指标以 % 表示，比率和比重以百分点（pp）表示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="638"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="639"/>
        <source>Focus city&apos;s rank among the selected cities with a value (1 = the highest value, or the lowest where lower is better)</source>
        <translation>重点城市在有数值的所选城市中的排名（第1为最高值；越低越好的指标第1为最低值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="648"/>
        <source>Focus city&apos;s rank among all comparable cities with a value that year (1 = the highest value, or the lowest where lower is better)</source>
        <translation>重点城市在当年有数值的全部可比城市中的排名（第1为最高值；越低越好的指标第1为最低值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="647"/>
        <source>Rank in pool</source>
        <translation>全部城市排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="655"/>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="656"/>
        <source>Share of the other comparable cities with a lower value (100 = highest value)</source>
        <translation>数值更低的其他可比城市所占比例（100 = 最高值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="662"/>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="663"/>
        <source>Focus city&apos;s value with the peer median = 100</source>
        <translation>重点城市数值（同类中位数 = 100）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="666"/>
        <source>{0}-yr change</source>
        <translation>{0}年变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="667"/>
        <source>Focus city&apos;s change over {0} years: % for levels, percentage points for rates; † = the window crosses a series break (see the tooltip)</source>
        <translation>重点城市{0}年间的变化：总量为%，比率为百分点；† = 该时段跨越统计口径变化（见提示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="674"/>
        <source>CAGR {0} yr</source>
        <translation>{0}年年均增长率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="675"/>
        <source>Compound average yearly growth of the focus city over {0} years; † = the window crosses a series break</source>
        <translation>重点城市{0}年间的复合年均增长率；† = 该时段跨越统计口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="682"/>
        <source>In words</source>
        <translation>文字说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="683"/>
        <source>The focus city against the peer median, in a sentence</source>
        <translation>用一句话说明重点城市与同类中位数的比较</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../desktop/ui/panels/profile_view.py" line="53"/>
        <location filename="../../desktop/ui/panels/profile_view.py" line="108"/>
        <source>Side-by-side profile</source>
        <extracomment>Width of the plain-language column; the full sentence is in its tooltip. The narrowest the indicator and unit columns get in a narrow window (_fit_to_viewport).
----------
Paint the cells in one pass (profile_painter) rather than one delegate call a cell; False draws through QTableView&apos;s own paintEvent (the tests compare the two).</extracomment>
        <translation>并列比较表</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="134"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="150"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="151"/>
        <source>City Profiles projects (*{0})</source>
        <translation>城市概况项目 (*{0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="158"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="159"/>
        <source>{0} was not saved: {1}</source>
        <translation>{0} 未保存：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="177"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="178"/>
        <source>City Profiles projects (*{0});;All files (*)</source>
        <translation>城市概况项目 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="189"/>
        <source>Could not open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="211"/>
        <source>The recovered session could not be restored: {0}</source>
        <translation>无法恢复所保存的会话：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="233"/>
        <source>{0} (not found)</source>
        <translation>{0}（未找到）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="237"/>
        <source>{0} (it was being read when City Profiles stopped last time)</source>
        <translation>{0}（上次 City Profiles 停止时正在读取该文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="240"/>
        <source>{0} (it was refused last time: {1})</source>
        <translation>{0}（上次被拒绝：{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="244"/>
        <source>Not read again at start-up: {0}. Open the project to read it.</source>
        <translation>启动时未再次读取：{0}。打开该项目即可读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="251"/>
        <source>{0} was saved by a newer version of City Profiles (project format {1}; this version reads up to {2}). Please update the app.</source>
        <translation>{0} 由更新版本的城市概况保存（项目格式 {1}；本版本最高支持 {2}）。请更新本软件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="256"/>
        <source>{0} is not a City Profiles project.</source>
        <translation>{0} 不是城市概况项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="257"/>
        <source>{0}: the project file is damaged: {1}</source>
        <translation>{0}：项目文件已损坏：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="264"/>
        <source>it is not valid JSON at line {0}, column {1} ({2}).</source>
        <translation>第 {0} 行第 {1} 列不是有效的 JSON（{2}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="267"/>
        <source>the field {0} is missing.</source>
        <translation>缺少字段 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="269"/>
        <source>the field {0} has an invalid value {1}.</source>
        <translation>字段 {0} 的值 {1} 无效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="271"/>
        <source>it cannot be read ({0}).</source>
        <translation>无法读取（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="286"/>
        <source>Data file not found</source>
        <translation>找不到数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="287"/>
        <source>{0} is not where the project says. Locate it?

No opens the project without its values; Cancel keeps the current comparison.</source>
        <translation>{0} 不在项目记录的位置。是否手动查找？

选“否”将打开项目，但不含该文件的数值；选“取消”则保留当前的比较。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="294"/>
        <source>Locate {0}</source>
        <translation>查找 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="312"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="313"/>
        <source>Save the changes to this comparison first?</source>
        <translation>是否先保存对当前比较的更改？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="325"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="326"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="337"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="338"/>
        <source>{0} was not written: {1}</source>
        <translation>{0} 未写入：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="340"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="347"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="353"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="380"/>
        <source>The default cities are used from the next start.</source>
        <translation>默认城市将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="389"/>
        <source>About City Profiles</source>
        <translation>关于城市概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="390"/>
        <source>&lt;h3&gt;City Profiles {0}&lt;/h3&gt;&lt;p&gt;Compare a city side by side with its peers, on sourced data. Every number can be traced to its file, sheet and row.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;城市概况 {0}&lt;/h3&gt;&lt;p&gt;基于有出处的数据，将一个城市与其同类城市并列比较。每个数值都可以追溯到其文件、工作表和行。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RankingChart</name>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="258"/>
        <source>Chart title</source>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="256"/>
        <source>Ranking</source>
        <extracomment>The legend&apos;s corners, (right, bottom), in order of preference when several are free: bottom-right first (bars are sorted best first, the shortest at the bottom). The legend&apos;s column right of the plot, in the PlotItem&apos;s layout (0-2: axes and view). the drawn bars as (y, value): their rectangles on screen (`occupied`) the value axis&apos;s range as drawn, before `fit_value_labels` widens it</extracomment>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="278"/>
        <source>Value at the pointer</source>
        <extracomment>the column right of the plot that holds the legend when no corner is free (zero wide otherwise) where the legend is: a corner (right, bottom) of the plot, or None: beside it</extracomment>
        <translation>指针处的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="301"/>
        <source>No values for the selected cities.</source>
        <translation>所选城市没有数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="306"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="317"/>
        <source>Peers</source>
        <translation>同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="319"/>
        <source>Other comparable cities</source>
        <translation>其他可比城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="378"/>
        <source>rank {0} of {1}</source>
        <translation>排名第{0}/{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="379"/>
        <source>suspect value, not ranked</source>
        <translation>可疑数值，不参与排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="381"/>
        <source>; suspect value, included</source>
        <translation>；可疑数值，已计入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="396"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="398"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="398"/>
        <source>City id</source>
        <translation>城市代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="398"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="398"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="399"/>
        <source>Focus</source>
        <translation>重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="399"/>
        <source>Peer</source>
        <translation>同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/ranking_chart.py" line="399"/>
        <source>Suspect value: why</source>
        <translation>可疑数值：原因</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="32"/>
        <source>Restore the last session?</source>
        <translation>恢复上次的会话？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="42"/>
        <source>Read {0} again (it was being read when City Profiles stopped)</source>
        <translation>再次读取 {0}（City Profiles 停止时正在读取该文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="44"/>
        <source>Read {0} again (it was refused last time)</source>
        <translation>再次读取 {0}（上次被拒绝）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="49"/>
        <source>Start fresh shows the default cities; your last project stays in File › Open recent.</source>
        <translation>重新开始将显示默认城市；上次的项目仍在“文件 › 最近打开”中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="55"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recovery_dialog.py" line="57"/>
        <source>&amp;Start fresh</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="63"/>
        <source>Print profile report</source>
        <translation>打印城市概况报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="85"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="88"/>
        <source>Cover page</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="88"/>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="89"/>
        <source>Summary with comparisons</source>
        <translation>摘要与比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="90"/>
        <source>Indicator sections with charts</source>
        <translation>各类指标章节（含图表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="91"/>
        <source>Notes: sources, definitions, series breaks</source>
        <translation>说明：来源、定义、统计口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="92"/>
        <source>Appendix: full data table</source>
        <translation>附录：完整数据表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="99"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="101"/>
        <source>Line chart over time</source>
        <translation>历年折线图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="102"/>
        <source>Bar chart of the comparison year</source>
        <translation>比较年份柱状图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="107"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="112"/>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="113"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="114"/>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="116"/>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="117"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="118"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="120"/>
        <source>Comparison year</source>
        <translation>比较年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="121"/>
        <source>Latest shared year</source>
        <translation>最近共同年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="123"/>
        <source>Each city&apos;s latest year</source>
        <translation>各城市最新年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="127"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="128"/>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="129"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="130"/>
        <source>Comparison year:</source>
        <translation>比较年份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="132"/>
        <source>Currency of money values</source>
        <translation>货币金额的币种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="133"/>
        <source>The window&apos;s currency unless changed here</source>
        <translation>默认为主窗口所选货币，可在此更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="134"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="134"/>
        <source>Yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="135"/>
        <source>US$ (annual exchange rate)</source>
        <translation>美元（年平均汇率）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="136"/>
        <source>International $ (PPP)</source>
        <translation>国际元（购买力平价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="138"/>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="147"/>
        <source>Indicators in the report</source>
        <translation>报告中的指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="148"/>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="149"/>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="157"/>
        <source>Indicators:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="170"/>
        <source>Report progress</source>
        <translation>报告生成进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="172"/>
        <source>Report status</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="173"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="182"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="184"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="186"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="188"/>
        <source>Save HTML…</source>
        <translation>保存 HTML…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="273"/>
        <source>Choose at least one indicator.</source>
        <translation>请至少选择一个指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="288"/>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="299"/>
        <source>Laying out pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="322"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="328"/>
        <source>The report could not be made: {0}</source>
        <translation>无法生成报告：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="339"/>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="359"/>
        <source>Report preview</source>
        <translation>报告打印预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="408"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="409"/>
        <source>Web pages (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="410"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="400"/>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="424"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>ScatterChart</name>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="36"/>
        <source>Chart title</source>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="35"/>
        <source>Scatter of two indicators</source>
        <translation>两个指标的散点图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="49"/>
        <source>Point at the pointer</source>
        <translation>指针处的点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="98"/>
        <source>No values for the selected cities.</source>
        <translation>所选城市没有数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="105"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="171"/>
        <source>Peers</source>
        <translation>同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="173"/>
        <source>Other comparable cities</source>
        <translation>其他可比城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="216"/>
        <source>City id</source>
        <translation>城市代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="216"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="217"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/scatter_chart.py" line="218"/>
        <source>Size value</source>
        <translation>大小对应数值</translation>
    </message>
</context>
<context>
    <name>SessionRecovery</name>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="169"/>
        <source>City Profiles crashed last time; what it was doing is in {0}.</source>
        <translation>City Profiles 上次崩溃了；当时的运行情况记录在 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="172"/>
        <source>City Profiles did not close normally last time (it was stopped, or the computer shut down).</source>
        <translation>City Profiles 上次未正常关闭（程序被终止，或计算机已关机）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="175"/>
        <source>It was reading {0} then; that file is not read again unless you ask.</source>
        <translation>当时正在读取 {0}；除非您要求，否则不会再次读取该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="192"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="193"/>
        <source>The last session ({0}) compared {1} with 1 peer city.</source>
        <translation>上次的会话（{0}）将{1}与 1 个同类城市进行了比较。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="194"/>
        <source>The last session ({0}) compared {1} with {2} peer cities.</source>
        <translation>上次的会话（{0}）将{1}与 {2} 个同类城市进行了比较。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="198"/>
        <source>It used 1 imported file.</source>
        <translation>其中使用了 1 个导入文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="199"/>
        <source>It used {0} imported files.</source>
        <translation>其中使用了 {0} 个导入文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="201"/>
        <source>It had unsaved changes.</source>
        <translation>其中有未保存的更改。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Preferences</source>
        <extracomment>The keys this dialog edits, in the order they are shown.</extracomment>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="49"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="52"/>
        <source>The window changes to the new language at once.</source>
        <translation>窗口会立即切换到新语言。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="56"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="58"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="59"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="60"/>
        <source>Charts stay white, like the printed report</source>
        <translation>图表始终为白色背景，与打印的报告一致</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="62"/>
        <source>Number style</source>
        <translation>数字格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="63"/>
        <source>Chinese units (亿元, 万人)</source>
        <translation>中文单位（亿元、万人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="64"/>
        <source>International units (bn yuan, million)</source>
        <translation>国际单位（十亿元、百万人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="67"/>
        <source>How large amounts are written in the table, the charts, reports and exports; the values themselves do not change</source>
        <translation>表格、图表、报告和导出文件中大数的写法；数值本身不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="69"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="71"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="73"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="74"/>
        <source>&amp;Numbers:</source>
        <translation>数字(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="77"/>
        <source>Find a city (English or 中文)…</source>
        <translation>查找城市（中文或英文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="78"/>
        <source>Default focus city</source>
        <translation>默认重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="80"/>
        <source>Default peer group</source>
        <translation>默认同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="83"/>
        <source>&amp;Reopen the last project at start</source>
        <translation>启动时重新打开上次的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="85"/>
        <source>The default cities are shown at start when no project is reopened and none are named on the command line.</source>
        <translation>启动时如未重新打开项目、命令行也未指定城市，则显示默认城市。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="89"/>
        <source>At start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="91"/>
        <source>Default &amp;focus city:</source>
        <translation>默认重点城市(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="92"/>
        <source>Default &amp;peer group:</source>
        <translation>默认同类城市组(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="97"/>
        <source>Report paper size</source>
        <translation>报告纸张大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="98"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="99"/>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="100"/>
        <source>L&amp;andscape pages</source>
        <translation>横向页面(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="101"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="103"/>
        <source>Pa&amp;per:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>SmallMultiples</name>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="111"/>
        <source>Chart title</source>
        <extracomment>A panel never gets shorter than this: below it the grid scrolls.</extracomment>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="114"/>
        <source>Small multiples</source>
        <translation>小多图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="144"/>
        <source>{0} against its peers</source>
        <translation>{0}与同类城市比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="174"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="219"/>
        <source>Indicator id</source>
        <translation>指标代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="219"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="219"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="220"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="220"/>
        <source>Focus</source>
        <translation>重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="221"/>
        <source>Peer median</source>
        <translation>同类中位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="221"/>
        <source>Peers, 25th percentile</source>
        <translation>同类城市第25百分位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/small_multiples.py" line="222"/>
        <source>Peers, 75th percentile</source>
        <translation>同类城市第75百分位数</translation>
    </message>
</context>
<context>
    <name>StagedStart</name>
    <message>
        <location filename="../../desktop/ui/startup.py" line="173"/>
        <source>City Profiles could not set up its window: {0}</source>
        <extracomment>How long the load waits for the window&apos;s first paint before it starts anyway.</extracomment>
        <translation>City Profiles 无法建立窗口：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/startup.py" line="175"/>
        <source>Details were saved to {0}</source>
        <translation>详细信息已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/startup.py" line="232"/>
        <source>Some settings could not be read and their defaults are used: {0}</source>
        <translation>部分设置无法读取，已改用默认值：{0}</translation>
    </message>
</context>
<context>
    <name>StructureView</name>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="82"/>
        <source>Value added (GDP)</source>
        <extracomment>a control changed: the section to recompute (&quot;lq&quot;, &quot;shift&quot; or &quot;distance&quot;)</extracomment>
        <translation>增加值（GDP）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="83"/>
        <source>Employment</source>
        <translation>就业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="84"/>
        <location filename="../../desktop/ui/plots/structure_view.py" line="85"/>
        <source>Basis of the location quotients</source>
        <translation>区位商的计算基础</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="89"/>
        <source>Location quotients by sector</source>
        <translation>分产业区位商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="92"/>
        <source>Location quotients</source>
        <translation>区位商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="95"/>
        <source>Basis</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="106"/>
        <location filename="../../desktop/ui/plots/structure_view.py" line="146"/>
        <source>First year of the shift-share</source>
        <translation>偏离-份额分析的起始年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="107"/>
        <location filename="../../desktop/ui/plots/structure_view.py" line="147"/>
        <source>Last year of the shift-share</source>
        <translation>偏离-份额分析的结束年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="111"/>
        <source>Shift-share by sector</source>
        <translation>分产业偏离-份额分析</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="114"/>
        <source>Shift-share analysis</source>
        <translation>偏离-份额分析</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="117"/>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="129"/>
        <location filename="../../desktop/ui/plots/structure_view.py" line="148"/>
        <source>Year of the level to reach</source>
        <translation>目标水平的年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="135"/>
        <source>Time distance</source>
        <translation>时间距离</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="138"/>
        <source>Level of the year</source>
        <translation>目标水平年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="216"/>
        <source>Primary</source>
        <translation>第一产业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="216"/>
        <source>Secondary</source>
        <translation>第二产业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="217"/>
        <source>Tertiary</source>
        <translation>第三产业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="217"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="290"/>
        <source>No sector data for {0}: location quotients need primary, secondary and tertiary shares, which the data has for Chinese cities only.</source>
        <translation>{0}没有分产业数据：区位商需要第一、第二、第三产业的占比，数据中只有中国城市有这些数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="295"/>
        <location filename="../../desktop/ui/plots/structure_view.py" line="317"/>
        <source>No sector data for {0} in {1}.</source>
        <translation>{0}在{1}年没有分产业数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="299"/>
        <source>Location quotients cannot be computed ({0}).</source>
        <translation>无法计算区位商（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="323"/>
        <source>{0}: share {1:.1f}% against {2:.1f}% in the reference</source>
        <translation>{0}：占比{1:.1f}%，参照为{2:.1f}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="333"/>
        <source>{0}, {1}: shaded cells are above 1 (more specialised than the reference)</source>
        <translation>{0}，{1}年：底色标出的单元格大于1（比参照更专业化）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="348"/>
        <source>{0} {1:.1f}%</source>
        <translation>{0}{1:.1f}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="350"/>
        <source>Reference: all {0} with data in {1} ({2} cities), {3} included: {4}. LQ above 1 means more specialised than the reference.</source>
        <translation>参照：{1}年有数据的全部{0}（{2}个城市，含{3}）：{4}。区位商大于1表示比参照更专业化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="356"/>
        <source>The city&apos;s shares are the published GDP shares (no value added).</source>
        <translation>该城市的占比为公布的GDP构成（无增加值数据）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="359"/>
        <source>Reference shares are the plain mean of {0} cities&apos; published shares (no totals to weight them).</source>
        <translation>参照占比为{0}个城市公布占比的简单平均（没有总量可用于加权）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="363"/>
        <source>Employment shares are of employees on payroll (单位从业人员), not all employed persons.</source>
        <translation>就业占比为单位从业人员的占比，不是全部就业人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="377"/>
        <source>No sector data for {0}: shift-share needs value added by sector, which the data has for Chinese cities only.</source>
        <translation>{0}没有分产业数据：偏离-份额分析需要分产业增加值，数据中只有中国城市有这些数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="381"/>
        <source>Choose a first year before the last year.</source>
        <translation>请选择早于结束年份的起始年份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="385"/>
        <source>Shift-share needs value added by sector for {0} in both {1} and {2}.</source>
        <translation>偏离-份额分析需要{0}在{1}年和{2}年的分产业增加值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="389"/>
        <source>Shift-share cannot be computed ({0}).</source>
        <translation>无法进行偏离-份额分析（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="396"/>
        <source>{0} value</source>
        <translation>{0}年数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="397"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="397"/>
        <source>Growth effect</source>
        <translation>增长效应</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="397"/>
        <source>Industry-mix effect</source>
        <translation>结构效应</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="398"/>
        <source>Competitive effect</source>
        <translation>竞争效应</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="422"/>
        <source>Value added of {0} by sector, {1}–{2}, {3} (nominal). Growth effect + industry-mix effect + competitive effect = change.</source>
        <translation>{0}分产业增加值，{1}–{2}年，{3}（名义值）。增长效应 + 结构效应 + 竞争效应 = 变化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="439"/>
        <source>Reference: the sum over the {0} {1} with sector value added in both {2} and {3}, {4} included. Nominal yuan, not adjusted for prices.</source>
        <translation>参照：{2}年和{3}年均有分产业增加值的{0}个{1}的合计（含{4}）。名义人民币，未作价格调整。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="443"/>
        <source>Over the period the reference grew {0:+.1f}%, {1} {2:+.1f}%.</source>
        <translation>期间参照增长{0:+.1f}%，{1}增长{2:+.1f}%。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="446"/>
        <source>Series break in {0} inside the period: {1}</source>
        <translation>期间内{0}年有统计口径变化：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="456"/>
        <source>Choose peers to compare with.</source>
        <translation>请选择要比较的同类城市。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="459"/>
        <source>No indicator is selected.</source>
        <translation>未选择指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="467"/>
        <source>{0} and {1}: no values to compare in {2}.</source>
        <translation>{0}和{1}：{2}年没有可比较的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/structure_view.py" line="471"/>
        <source>{0}: time distance cannot be computed ({1}).</source>
        <translation>{0}：无法计算时间距离（{1}）。</translation>
    </message>
</context>
<context>
    <name>TextDialogs</name>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="19"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="20"/>
        <source>Every value in City Profiles names its file, sheet, row and column; hover over a number in the table to see it.</source>
        <translation>城市概况中的每个数值都注明其文件、工作表、行和列；将鼠标悬停在表格中的数值上即可查看。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="27"/>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="28"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="29"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="30"/>
        <source>Origin</source>
        <translation>原始出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="31"/>
        <source>Trust</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="32"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="33"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="34"/>
        <source>Values used</source>
        <translation>使用的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="40"/>
        <source>Series breaks</source>
        <translation>统计口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="45"/>
        <source>Definitions</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="83"/>
        <source>The user guide is missing: {0}</source>
        <translation>缺少用户指南：{0}</translation>
    </message>
</context>
<context>
    <name>_RowsModel</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="127"/>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="128"/>
        <source>Not data: title, note or repeated header</source>
        <translation>非数据行：标题、注释或重复的表头</translation>
    </message>
</context>
</TS>
