<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Controller</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="29"/>
        <source>Chinese prefecture-level cities include their rural counties; US metropolitan areas are commuting regions. Chinese money values are nominal yuan, US metro GDP is real US dollars: they are not drawn on one axis.</source>
        <extracomment>The chart note analysis/ writes in English, marked here for translation (same text).</extracomment>
        <translation>中国地级市数据包含所辖农村县；美国都市区为通勤区域。中国的货币数值为名义人民币，美国都市区GDP为实际美元：二者不在同一坐标轴上绘制。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="77"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="78"/>
        <source>Spreadsheets (*.csv *.tsv *.txt *.gz *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>电子表格 (*.csv *.tsv *.txt *.gz *.xlsx *.xlsm *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="96"/>
        <source>Imported by the user</source>
        <translation>用户导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="118"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="119"/>
        <source>Nothing was changed: {0}</source>
        <translation>未做任何更改：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="125"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="127"/>
        <source>Imported {0} values from {1}: {2} new cities, {3} new indicators, {4} bundled values replaced.</source>
        <translation>已从 {1} 导入 {0} 个数值：新增 {2} 个城市、{3} 个指标，替换内置数值 {4} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="191"/>
        <source>Could not read the project&apos;s data</source>
        <translation>无法读取项目数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="192"/>
        <source>The project was not opened: {0}</source>
        <translation>项目未能打开：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="237"/>
        <source>City Profiles — {0} and {1} peers[*]</source>
        <translation>城市概况 — {0}与{1}个同类城市[*]</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="70"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="71"/>
        <source>City Profiles hit an unexpected problem: {0}

Your data and the open comparison are unchanged; you can keep working.</source>
        <translation>城市概况遇到意外问题：{0}

您的数据和当前比较均未改变，可以继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="77"/>
        <source>Details were saved to {0}</source>
        <translation>详细信息已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="81"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="58"/>
        <source>city</source>
        <extracomment>Column roles: the code the recipe stores, and the name shown (translated when shown).</extracomment>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="59"/>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="60"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="61"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="62"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="63"/>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="66"/>
        <source>comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="67"/>
        <source>semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="68"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="69"/>
        <source>bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="134"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="149"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="195"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="151"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="196"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="152"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="157"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="163"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="175"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="156"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="197"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="162"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="202"/>
        <source>Layout</source>
        <translation>表格结构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="165"/>
        <source>Long: a row per city, indicator and year (time goes down)</source>
        <translation>长表：每个城市、指标和年份一行（时间向下）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="166"/>
        <source>Wide by year: years as columns (time goes right)</source>
        <translation>按年份的宽表：年份为列（时间向右）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="167"/>
        <source>Wide by indicator: a column per indicator</source>
        <translation>按指标的宽表：每个指标一列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="168"/>
        <source>SDMX-CSV (OECD, Eurostat API)</source>
        <translation>SDMX-CSV（经合组织、欧盟统计局 API）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="169"/>
        <source>Eurostat bulk TSV</source>
        <translation>欧盟统计局批量 TSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="176"/>
        <source>Source row where the header starts</source>
        <translation>表头在源文件中的起始行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="177"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="201"/>
        <source>Header starts at row</source>
        <translation>表头起始行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="179"/>
        <source>Number of header rows</source>
        <translation>表头行数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="181"/>
        <source> row(s)</source>
        <translation> 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="184"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="190"/>
        <source>From the table</source>
        <translation>取自表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="186"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="203"/>
        <source>Year of the table</source>
        <translation>表格年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="188"/>
        <source>For a table without a year column, such as a yearbook table: the year it covers</source>
        <translation>适用于没有年份列的表格（如统计年鉴表格）：表格所属年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="191"/>
        <source>For a table without a city column: the city</source>
        <translation>适用于没有城市列的表格：表格所属城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="192"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="204"/>
        <source>City of the table</source>
        <translation>表格城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="207"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="207"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="213"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="216"/>
        <source>Column roles</source>
        <translation>列的作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="228"/>
        <source>File preview</source>
        <translation>文件预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="231"/>
        <source>Result preview</source>
        <translation>结果预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="234"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="236"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="237"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="238"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="242"/>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="244"/>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="247"/>
        <source>Stop reading</source>
        <translation>停止读取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="251"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="254"/>
        <source>Load recipe…</source>
        <translation>载入导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="256"/>
        <source>Save recipe…</source>
        <translation>保存导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="298"/>
        <source>All visible sheets</source>
        <translation>所有可见工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="306"/>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="364"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="388"/>
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="396"/>
        <source>Reading stopped. Change a choice to read again.</source>
        <translation>已停止读取。更改任一选项即可重新读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="421"/>
        <source>{0} values from {1} rows · {2} cities ({3} new) · {4} indicators · {5} warnings · {6} errors</source>
        <translation>{1} 行中读取 {0} 个数值 · {2} 个城市（新增 {3} 个）· {4} 个指标 · {5} 个警告 · {6} 个错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="434"/>
        <source>Detected: {0}</source>
        <translation>检测结果：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="445"/>
        <source>Role of column {0}</source>
        <translation>列 {0} 的作用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="467"/>
        <source>Load import recipe</source>
        <translation>载入导入方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="468"/>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="482"/>
        <source>Import recipes (*.json)</source>
        <translation>导入方案 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="480"/>
        <source>Save import recipe</source>
        <translation>保存导入方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="487"/>
        <source>Could not save the recipe: {0}</source>
        <translation>无法保存导入方案：{0}</translation>
    </message>
</context>
<context>
    <name>IndicatorList</name>
    <message>
        <location filename="../../desktop/ui/panels/indicator_list.py" line="24"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="81"/>
        <source>Chart title</source>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="87"/>
        <source>Indicator over time</source>
        <translation>指标历年变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="107"/>
        <source>Values at the pointer</source>
        <translation>指针处的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="147"/>
        <source>No values for the selected cities.</source>
        <translation>所选城市没有数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="154"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plots/line_chart.py" line="192"/>
        <source>series break</source>
        <translation>口径变化</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="50"/>
        <source>City Profiles</source>
        <translation>城市概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="57"/>
        <source>Selection</source>
        <extracomment>Asked before the window closes (unsaved changes); set by the project controller.</extracomment>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="61"/>
        <source>Focus city </source>
        <translation>重点城市 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="62"/>
        <source>Find a city (English or 中文)…</source>
        <translation>查找城市（中文或英文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="63"/>
        <source>Focus city</source>
        <translation>重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="64"/>
        <source>Type part of a name in English or Chinese</source>
        <translation>输入中文或英文名称的一部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="69"/>
        <source> Year </source>
        <translation> 年份 </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="72"/>
        <source>Comparison year</source>
        <translation>比较年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="74"/>
        <source>Latest shared</source>
        <translation>最近共同年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="81"/>
        <source>Copy the profile table as tab-separated text</source>
        <translation>以制表符分隔的文本复制对比表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="96"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126"/>
        <source>Dataset summary</source>
        <translation>数据集概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="166"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="167"/>
        <source>Open a saved comparison with its data files</source>
        <translation>打开已保存的比较及其数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="170"/>
        <source>Save this comparison and the data files it uses</source>
        <translation>保存当前比较及其使用的数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="171"/>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="172"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="173"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175"/>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>Read a CSV, TSV or Excel file and add its values to the comparison</source>
        <translation>读取 CSV、TSV 或 Excel 文件，并将其数值加入比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="180"/>
        <source>Save the profile table as CSV or Excel</source>
        <translation>将对比表保存为 CSV 或 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>&amp;Print report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>Preview, print or save a profile report (PDF or HTML)</source>
        <translation>预览、打印或保存城市概况报告（PDF 或 HTML）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="186"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="197"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="200"/>
        <source>&amp;Find a city</source>
        <translation>查找城市(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="201"/>
        <source>Type a city name in English or Chinese</source>
        <translation>输入城市的中文或英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="202"/>
        <source>Go to the &amp;table</source>
        <translation>转到表格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="203"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204"/>
        <source>Go to the &amp;chart</source>
        <translation>转到图表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="205"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206"/>
        <source>Go to the &amp;indicators</source>
        <translation>转到指标列表(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="208"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="214"/>
        <source>Data &amp;sources…</source>
        <translation>数据来源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="214"/>
        <source>Where every number comes from, with caveats</source>
        <translation>每个数值的出处及注意事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="215"/>
        <source>User &amp;guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="217"/>
        <source>&amp;About City Profiles</source>
        <translation>关于城市概况(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="218"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="225"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226"/>
        <source>Language, default cities, theme, report paper and start-up</source>
        <translation>语言、默认城市、主题、报告纸张和启动选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="229"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="257"/>
        <source>{0} values · {1} places · {2} sources</source>
        <translation>{0} 个数值 · {1} 个地区 · {2} 个来源</translation>
    </message>
</context>
<context>
    <name>PeerPicker</name>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="112"/>
        <location filename="../../desktop/ui/panels/city_picker.py" line="137"/>
        <source>Peer group</source>
        <translation>同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="120"/>
        <source>Custom selection</source>
        <translation>自定义选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="124"/>
        <source>Peer cities</source>
        <translation>同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="126"/>
        <source>Add a peer city…</source>
        <translation>添加同类城市…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="127"/>
        <source>Add a peer city</source>
        <translation>添加同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="130"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="131"/>
        <source>Remove every peer city</source>
        <translation>移除全部同类城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panels/city_picker.py" line="132"/>
        <source>Clear the peer cities</source>
        <translation>清除同类城市</translation>
    </message>
</context>
<context>
    <name>ProfileTable</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="288"/>
        <source>Indicator</source>
        <extracomment>Column headings and tooltips, marked for translation and translated when shown.</extracomment>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="290"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="291"/>
        <source>Display unit (亿 = 100 million, 万 = 10,000)</source>
        <translation>显示单位（亿 = 1亿，万 = 1万）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="294"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="295"/>
        <source>Comparison year; a value from another year shows it in brackets</source>
        <translation>比较年份；其他年份的数值在括号中注明年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>Peer median</source>
        <translation>同类中位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="301"/>
        <source>Median of the peers, without the focus city</source>
        <translation>同类城市的中位数（不含重点城市）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="304"/>
        <source>Gap to median</source>
        <translation>与中位数差距</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305"/>
        <source>Focus city against the peer median: % for levels, percentage points (pp) for rates and shares</source>
        <translation>重点城市与同类中位数的差距：总量指标以 % 表示，比率和比重以百分点（pp）表示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="312"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="313"/>
        <source>Focus city&apos;s rank among the selected cities with a value (1 = highest)</source>
        <translation>重点城市在有数值的所选城市中的排名（1 = 最高）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="321"/>
        <source>{0} of {1}</source>
        <translation>第{0}/{1}</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../desktop/ui/panels/profile_view.py" line="22"/>
        <source>Side-by-side profile</source>
        <translation>并列比较表</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="57"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="71"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="72"/>
        <source>City Profiles projects (*{0})</source>
        <translation>城市概况项目 (*{0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="79"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="80"/>
        <source>{0} was not saved: {1}</source>
        <translation>{0} 未保存：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="92"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="93"/>
        <source>City Profiles projects (*{0});;All files (*)</source>
        <translation>城市概况项目 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="100"/>
        <source>Could not open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="113"/>
        <source>{0} was saved by a newer version of City Profiles (project format {1}; this version reads up to {2}). Please update the app.</source>
        <translation>{0} 由更新版本的城市概况保存（项目格式 {1}；本版本最高支持 {2}）。请更新本软件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="118"/>
        <source>{0} is not a City Profiles project.</source>
        <translation>{0} 不是城市概况项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="119"/>
        <source>{0} is damaged and cannot be opened ({1}).</source>
        <translation>{0} 已损坏，无法打开（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="130"/>
        <source>Data file not found</source>
        <translation>找不到数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="131"/>
        <source>{0} is not where the project says. Locate it?</source>
        <translation>{0} 不在项目记录的位置。是否手动查找？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="134"/>
        <source>Locate {0}</source>
        <translation>查找 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="152"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="153"/>
        <source>Save the changes to this comparison first?</source>
        <translation>是否先保存对当前比较的更改？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="165"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="166"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="175"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="176"/>
        <source>{0} was not written: {1}</source>
        <translation>{0} 未写入：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="178"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="183"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="187"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="206"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="207"/>
        <source>The new language is used the next time City Profiles starts.</source>
        <translation>新的界面语言将在下次启动城市概况时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="213"/>
        <source>The default cities are used from the next start.</source>
        <translation>默认城市将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="217"/>
        <source>About City Profiles</source>
        <translation>关于城市概况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_controller.py" line="218"/>
        <source>&lt;h3&gt;City Profiles {0}&lt;/h3&gt;&lt;p&gt;Compare a city side by side with its peers, on sourced data. Every number can be traced to its file, sheet and row.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;城市概况 {0}&lt;/h3&gt;&lt;p&gt;基于有出处的数据，将一个城市与其同类城市并列比较。每个数值都可以追溯到其文件、工作表和行。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="62"/>
        <source>Print profile report</source>
        <translation>打印城市概况报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="82"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="85"/>
        <source>Cover page</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="85"/>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="86"/>
        <source>Summary with comparisons</source>
        <translation>摘要与比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="87"/>
        <source>Indicator sections with charts</source>
        <translation>各类指标章节（含图表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="88"/>
        <source>Notes: sources, definitions, series breaks</source>
        <translation>说明：来源、定义、统计口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="89"/>
        <source>Appendix: full data table</source>
        <translation>附录：完整数据表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="96"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="98"/>
        <source>Line chart over time</source>
        <translation>历年折线图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="99"/>
        <source>Bar chart of the comparison year</source>
        <translation>比较年份柱状图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="104"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="109"/>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="110"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="111"/>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="113"/>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="114"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="115"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="117"/>
        <source>Comparison year</source>
        <translation>比较年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="118"/>
        <source>Latest shared year</source>
        <translation>最近共同年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="122"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="123"/>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="124"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="125"/>
        <source>Comparison year:</source>
        <translation>比较年份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="134"/>
        <source>Indicators in the report</source>
        <translation>报告中的指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="135"/>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="136"/>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="144"/>
        <source>Indicators:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="157"/>
        <source>Report progress</source>
        <translation>报告生成进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="159"/>
        <source>Report status</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="160"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="169"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="171"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="173"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="175"/>
        <source>Save HTML…</source>
        <translation>保存 HTML…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="258"/>
        <source>Choose at least one indicator.</source>
        <translation>请至少选择一个指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="272"/>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="283"/>
        <source>Laying out pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="306"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="312"/>
        <source>The report could not be made: {0}</source>
        <translation>无法生成报告：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="323"/>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="339"/>
        <source>Report preview</source>
        <translation>报告打印预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="358"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="359"/>
        <source>Web pages (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="360"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/report_dialog.py" line="374"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Preferences</source>
        <extracomment>The keys this dialog edits, in the order they are shown.</extracomment>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="48"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="51"/>
        <source>A new language is used from the next start.</source>
        <translation>更改的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="55"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="56"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="58"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="59"/>
        <source>Charts stay white, like the printed report</source>
        <translation>图表始终为白色背景，与打印的报告一致</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="60"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="62"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="64"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="67"/>
        <source>Find a city (English or 中文)…</source>
        <translation>查找城市（中文或英文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="68"/>
        <source>Default focus city</source>
        <translation>默认重点城市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Default peer group</source>
        <translation>默认同类城市组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="73"/>
        <source>&amp;Reopen the last project at start</source>
        <translation>启动时重新打开上次的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="75"/>
        <source>The default cities are shown at start when no project is reopened and none are named on the command line.</source>
        <translation>启动时如未重新打开项目、命令行也未指定城市，则显示默认城市。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="79"/>
        <source>At start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="81"/>
        <source>Default &amp;focus city:</source>
        <translation>默认重点城市(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="82"/>
        <source>Default &amp;peer group:</source>
        <translation>默认同类城市组(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="87"/>
        <source>Report paper size</source>
        <translation>报告纸张大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="88"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="89"/>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="90"/>
        <source>L&amp;andscape pages</source>
        <translation>横向页面(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="91"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="93"/>
        <source>Pa&amp;per:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>TextDialogs</name>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="16"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="17"/>
        <source>Every value in City Profiles names its file, sheet, row and column; hover over a number in the table to see it.</source>
        <translation>城市概况中的每个数值都注明其文件、工作表、行和列；将鼠标悬停在表格中的数值上即可查看。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="24"/>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="25"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="26"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="27"/>
        <source>Origin</source>
        <translation>原始出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="28"/>
        <source>Trust</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="29"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="30"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="31"/>
        <source>Values used</source>
        <translation>使用的数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="36"/>
        <source>Series breaks</source>
        <translation>统计口径变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="42"/>
        <source>Definitions</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/text_dialogs.py" line="80"/>
        <source>The user guide is missing: {0}</source>
        <translation>缺少用户指南：{0}</translation>
    </message>
</context>
<context>
    <name>_RowsModel</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="106"/>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_dialog.py" line="107"/>
        <source>Not data: title, note or repeated header</source>
        <translation>非数据行：标题、注释或重复的表头</translation>
    </message>
</context>
</TS>
