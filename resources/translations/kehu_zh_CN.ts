<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AService</name>
    <message>
        <source>Print the senior leader&apos;s calls</source>
        <translation>打印副总级领导电话清单</translation>
    </message>
    <message>
        <source>a-tier-rewards-{year}</source>
        <translation>A类客户奖励-{year}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Key account</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>e.g. 大卖场, 社区超市, 便利店</source>
        <translation>例如 大卖场、社区超市、便利店</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Channel / format:</source>
        <translation>渠道/业态(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Head office address:</source>
        <translation>总部地址(&amp;H)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <source>&amp;Edit account…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit &amp;team…</source>
        <translation>编辑团队(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Print dossier…</source>
        <translation>打印档案(&amp;P)…</translation>
    </message>
    <message>
        <source>KA team</source>
        <translation>KA团队</translation>
    </message>
    <message>
        <source>Account &amp;&amp; team</source>
        <translation>客户与团队</translation>
    </message>
    <message>
        <source>{scope} · {channel}</source>
        <translation>{scope} · {channel}</translation>
    </message>
    <message>
        <source>Head office: {address}</source>
        <translation>总部：{address}</translation>
    </message>
    <message>
        <source>KeyMan: {name}</source>
        <translation>KeyMan：{name}</translation>
    </message>
    <message>
        <source>not marked yet</source>
        <translation>尚未标记</translation>
    </message>
    <message>
        <source>{stores} stores in {regions} regions</source>
        <translation>{regions} 个大区，{stores} 家门店</translation>
    </message>
    <message>
        <source>{year}: {volume} {unit} — {standing}</source>
        <translation>{year}年：{volume} {unit} — {standing}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add &amp;store…</source>
        <translation>添加门店(&amp;S)…</translation>
    </message>
    <message>
        <source>Add &amp;region…</source>
        <translation>添加大区(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import stores…</source>
        <translation>导入门店(&amp;I)…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>{name} (head office)</source>
        <translation>{name}（总部）</translation>
    </message>
    <message>
        <source>Delete store</source>
        <translation>删除门店</translation>
    </message>
    <message>
        <source>Delete {name} ({code}) with its own commitments and its store checks?</source>
        <translation>删除 {name}（{code}）及其单店承诺和门店检查记录？</translation>
    </message>
    <message>
        <source>Import stores</source>
        <translation>导入门店</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt)</source>
        <translation>表格 (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>row {row}: {reasons}</source>
        <translation>第 {row} 行：{reasons}</translation>
    </message>
    <message>
        <source>{rejected} of {rows} rows cannot be imported; the list with the reasons is in {file}. Import the {good} good rows now, or nothing (correct the file and import it again)?</source>
        <translation>{rows} 行中有 {rejected} 行无法导入，原因清单见 {file}。现在导入其余 {good} 行正确的数据，还是什么都不导入（改正文件后重新导入）？</translation>
    </message>
    <message>
        <source>Import the good rows</source>
        <translation>导入正确的行</translation>
    </message>
    <message>
        <source>{imported} regions and stores imported; {duplicates} already in the account were skipped.</source>
        <translation>已导入 {imported} 个大区和门店；{duplicates} 个已在该客户中，已跳过。</translation>
    </message>
    <message>
        <source>Import volume</source>
        <translation>导入销量</translation>
    </message>
    <message>
        <source>{imported} periods of volume and target entered.</source>
        <translation>已录入 {imported} 个期间的销量和目标。</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
    <message>
        <source>Set as &amp;KeyMan</source>
        <translation>设为KeyMan(&amp;K)</translation>
    </message>
    <message>
        <source>The KeyMan is the decision maker who opens the account&apos;s needs; one per account</source>
        <translation>KeyMan 是能打开客户需求之门的决策人；每个客户一位</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>★ KeyMan</source>
        <translation>★ KeyMan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>KeyMan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Works at</source>
        <translation>所在</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Delete this contact?</source>
        <translation>删除这位联系人？</translation>
    </message>
    <message>
        <source>&amp;Add commitment…</source>
        <translation>添加承诺(&amp;A)…</translation>
    </message>
    <message>
        <source>One package of in-store merchandising (生动化) for all the account&apos;s stores, and what is agreed for single stores. Store checks check these.</source>
        <translation>对该客户所有门店的一揽子终端生动化承诺，以及单店约定的事项。门店检查按这些承诺逐项检查。</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>生动化承诺</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>所有门店</translation>
    </message>
    <message>
        <source>Delete commitment</source>
        <translation>删除承诺</translation>
    </message>
    <message>
        <source>Delete this commitment? Store checks made against it keep what it said.</source>
        <translation>删除这项承诺？已做的门店检查仍保留其内容。</translation>
    </message>
    <message>
        <source>&amp;New store check…</source>
        <translation>新建门店检查(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print check…</source>
        <translation>打印检查(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete check…</source>
        <translation>删除检查(&amp;D)…</translation>
    </message>
    <message>
        <source>Store check score (for all stores: the month&apos;s average)</source>
        <translation>门店检查得分（所有门店时为当月平均）</translation>
    </message>
    <message>
        <source>Store checks</source>
        <translation>门店检查</translation>
    </message>
    <message>
        <source>All stores (account average)</source>
        <translation>所有门店（客户平均）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>New store check</source>
        <translation>新建门店检查</translation>
    </message>
    <message>
        <source>The account has no stores yet: add or import them on the Stores tab.</source>
        <translation>该客户还没有门店：请在“门店”页添加或导入。</translation>
    </message>
    <message>
        <source>Delete store check</source>
        <translation>删除门店检查</translation>
    </message>
    <message>
        <source>Delete this store check with its results? Its photos stay in the archive.</source>
        <translation>删除这次门店检查及其结果？照片仍保留在档案中。</translation>
    </message>
    <message>
        <source>&amp;Enter volume…</source>
        <translation>录入销量(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import volume…</source>
        <translation>导入销量(&amp;I)…</translation>
    </message>
    <message>
        <source>From a CSV or Excel file with the columns 期间 (period), 销量 (volume) and 目标 (target)</source>
        <translation>从含有 期间、销量、目标 三列的 CSV 或 Excel 文件导入</translation>
    </message>
    <message>
        <source>Volume against target</source>
        <translation>销量与目标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>{year}: {volume} of {target} {unit} ({share})</source>
        <translation>{year}年：{volume} / {target} {unit}（{share}）</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>No key account chosen.</source>
        <translation>未选择重点客户。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>New follow-up action</source>
        <translation>新建跟进事项</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>事项(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>到期(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>ActionDoneDialog</name>
    <message>
        <source>Mark the action done</source>
        <translation>标记事项已完成</translation>
    </message>
    <message>
        <source>{text} (owner {owner}, due {date})</source>
        <translation>{text}（负责人 {owner}，{date} 到期）</translation>
    </message>
    <message>
        <source>What was done (optional)</source>
        <translation>做了什么（可不填）</translation>
    </message>
    <message>
        <source>&amp;Done on:</source>
        <translation>完成日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New archive…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty archive file</source>
        <translation>新建一个空的档案文件</translation>
    </message>
    <message>
        <source>&amp;Open archive…</source>
        <translation>打开档案(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an archive file</source>
        <translation>打开一个档案文件</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Make a verified copy of the archive beside it</source>
        <translation>在档案旁边生成一份经过校验的副本</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put a backup in place of the archive</source>
        <translation>用备份替换当前档案</translation>
    </message>
    <message>
        <source>&amp;Check archive</source>
        <translation>检查档案(&amp;C)</translation>
    </message>
    <message>
        <source>Check the archive file for damage without changing it</source>
        <translation>检查档案文件是否损坏，不做任何修改</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Give the encrypted archive and its backups a new passphrase</source>
        <translation>为加密的档案及其备份设置新密码</translation>
    </message>
    <message>
        <source>Encr&amp;ypt archive…</source>
        <translation>加密档案(&amp;Y)…</translation>
    </message>
    <message>
        <source>Protect the archive and its backups with a passphrase</source>
        <translation>用密码保护档案及其备份</translation>
    </message>
    <message>
        <source>Remove encr&amp;yption…</source>
        <translation>取消加密(&amp;Y)…</translation>
    </message>
    <message>
        <source>Store the archive unencrypted (not recommended)</source>
        <translation>以不加密方式保存档案（不推荐）</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Who exported, printed, backed up, restored, deleted or purged what, and when</source>
        <translation>谁在何时导出、打印、备份、恢复、删除或彻底清除了什么</translation>
    </message>
    <message>
        <source>P&amp;urge deleted customers…</source>
        <translation>彻底清除已删除客户(&amp;U)…</translation>
    </message>
    <message>
        <source>Remove deleted customers for good, from the archive and its backups</source>
        <translation>从档案及其备份中永久删除已删除的客户</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Read customers from a CSV or Excel file</source>
        <translation>从 CSV 或 Excel 文件读取客户</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the customers shown, or all, to CSV or Excel</source>
        <translation>把当前显示的客户或全部客户导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Hide the customers and close the archive until you unlock it (also after the idle time in Preferences)</source>
        <translation>隐藏客户并关闭档案，直到您解锁（闲置时间达到“偏好设置”中的时长时也会自动锁定）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation>添加一位客户</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>Open the selected customer (Enter or double-click)</source>
        <translation>打开所选客户（回车或双击）</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>登记联系(&amp;L)…</translation>
    </message>
    <message>
        <source>Record a visit, call or message with the selected customer</source>
        <translation>记录与所选客户的一次拜访、电话或短信</translation>
    </message>
    <message>
        <source>Add to c&amp;ircle…</source>
        <translation>加入圈子(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the selected customers to a circle (圈子), or start a new one with them</source>
        <translation>把选中的客户加入一个圈子，或用他们新建圈子</translation>
    </message>
    <message>
        <source>&amp;Grade customers…</source>
        <translation>客户分级(&amp;G)…</translation>
    </message>
    <message>
        <source>Work out value tiers, RFM types and personas; set opportunity grades</source>
        <translation>计算价值分级、RFM 类型和客户画像；评定商机等级</translation>
    </message>
    <message>
        <source>New &amp;visit plan…</source>
        <translation>新建拜访计划(&amp;V)…</translation>
    </message>
    <message>
        <source>Plan the visits due in the coming days: who, which day, in what order</source>
        <translation>安排未来几天应做的拜访：拜访谁、哪天去、按什么顺序</translation>
    </message>
    <message>
        <source>Print &amp;tracking log…</source>
        <translation>打印客户追踪志(&amp;T)…</translation>
    </message>
    <message>
        <source>Print the tracking log (客户追踪志) of a day, week, half month or month</source>
        <translation>打印某一天、周、半月或月的客户追踪志</translation>
    </message>
    <message>
        <source>A-tier &amp;service…</source>
        <translation>A类客户服务(&amp;S)…</translation>
    </message>
    <message>
        <source>The senior leader&apos;s monthly calls, the volume rewards and the year&apos;s top ten (十佳) of the A-tier customers</source>
        <translation>A类客户的副总级领导每月电话、交易量奖励和年度十佳</translation>
    </message>
    <message>
        <source>Open co&amp;mplaints…</source>
        <translation>未结抱怨(&amp;M)…</translation>
    </message>
    <message>
        <source>Every complaint not yet confirmed with the customer (抱怨处理): overdue ones, moving them on</source>
        <translation>所有尚未与客户确认的抱怨（抱怨处理）：查看逾期的，推进处理</translation>
    </message>
    <message>
        <source>Satisfaction by a&amp;rea…</source>
        <translation>各片区满意度(&amp;R)…</translation>
    </message>
    <message>
        <source>The satisfaction surveys (满意度调查) of the last months: the mean score per area and month, and its change</source>
        <translation>最近几个月的满意度调查：各片区每月的平均分及其变化</translation>
    </message>
    <message>
        <source>&amp;Delete customer…</source>
        <translation>删除客户(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected customers (their history is kept)</source>
        <translation>删除所选客户（其历史记录会保留）</translation>
    </message>
    <message>
        <source>Deleted c&amp;ustomers…</source>
        <translation>已删除客户(&amp;U)…</translation>
    </message>
    <message>
        <source>Find deleted customers and restore them, with their history</source>
        <translation>查找已删除的客户并恢复，变更历史保留</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search by name, pinyin, phone digits or area</source>
        <translation>按姓名、拼音、电话号码或区域搜索</translation>
    </message>
    <message>
        <source>&amp;Save this view…</source>
        <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep the current filters and sort as a named view</source>
        <translation>把当前的筛选和排序保存为一个命名视图</translation>
    </message>
    <message>
        <source>&amp;Delete this view</source>
        <translation>删除此视图(&amp;D)</translation>
    </message>
    <message>
        <source>Choose &amp;columns…</source>
        <translation>选择列(&amp;C)…</translation>
    </message>
    <message>
        <source>Which columns the customer list shows, and their order</source>
        <translation>客户列表显示哪些列，以及列的顺序</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, your name, the branch on printouts</source>
        <translation>语言、您的姓名、打印时的网点名称</translation>
    </message>
    <message>
        <source>&amp;Branch rules…</source>
        <translation>网点规则(&amp;B)…</translation>
    </message>
    <message>
        <source>The branch pack in force; export it or import another</source>
        <translation>当前使用的网点规则包；导出它或导入另一个</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>The working loop in a few pages, with pictures</source>
        <translation>几页图文说明日常工作流程</translation>
    </message>
    <message>
        <source>&amp;About Kehu</source>
        <translation>关于客户经营助手(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ActivitiesPanel</name>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建方案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Back to &amp;draft</source>
        <translation>退回草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Print plan…</source>
        <translation>打印方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Record &amp;outcome…</source>
        <translation>记录效果(&amp;O)…</translation>
    </message>
    <message>
        <source>Print e&amp;valuation…</source>
        <translation>打印评估(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>No activity plans yet: start one from a template with New plan, or from a circle with Plan an activity.</source>
        <translation>还没有活动方案：用“新建方案”从模板开始，或在圈子里用“策划活动”。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Ticked by</source>
        <translation>勾选人</translation>
    </message>
    <message>
        <source>Checklists (tick as the activity runs)</source>
        <translation>检查清单（活动进行中逐项勾选）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation>已记录效果</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Start (running)</source>
        <translation>开始执行(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>标记完成(&amp;M)</translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation>主题：{theme}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message>
        <source>Target audience: {count} customers ({audience})</source>
        <translation>目标客群：{count} 位客户（{audience}）</translation>
    </message>
    <message>
        <source>Budget: {total}</source>
        <translation>预算：{total}</translation>
    </message>
    <message>
        <source>Outcome: {participants} participants, reach {reach}, {deals} deals, amount {amount}</source>
        <translation>效果：参与 {participants} 人，覆盖率 {reach}，成交 {deals} 笔，金额 {amount}</translation>
    </message>
    <message>
        <source>Approve the plan to tick off its checklists.</source>
        <translation>方案批准后才能勾选检查清单。</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the draft plan {title}?</source>
        <translation>删除草稿方案“{title}”？</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>101 agreement: {name}</source>
        <translation>101协议：{name}</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>签署日期(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tarts:</source>
        <translation>生效(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>到期(&amp;E)：</translation>
    </message>
    <message>
        <source>one commitment per line</source>
        <translation>每行一项承诺</translation>
    </message>
    <message>
        <source>Notes on the agreement</source>
        <translation>协议备注</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>Kehu locks as soon as the work running now ends.</source>
        <translation>正在进行的工作一结束，客户经营助手就会锁定。</translation>
    </message>
    <message>
        <source>Locked — Kehu</source>
        <translation>已锁定 — 客户经营助手</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Quit Kehu</source>
        <translation>退出客户经营助手</translation>
    </message>
    <message>
        <source>Changes to a customer were not saved when Kehu locked. Quit anyway and lose them? To keep them, unlock first and save them.</source>
        <translation>锁定时有一位客户的修改尚未保存。仍要退出并放弃这些修改吗？如要保留，请先解锁再保存。</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>The passphrase does not open {path}. Check it (Caps Lock, keyboard layout) and try again.</source>
        <translation>密码无法打开 {path}。请检查（大写锁定、键盘布局）后重试。</translation>
    </message>
    <message>
        <source>After {count} wrong tries, each further try waits longer (the next one {seconds} s).</source>
        <translation>已输错 {count} 次，之后每次尝试都要等待更久（下一次 {seconds} 秒）。</translation>
    </message>
    <message>
        <source>The disk is full or cannot be written. Nothing was saved; free some space and try again.</source>
        <translation>磁盘已满或无法写入。没有保存任何内容；请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>The archive file cannot be written (it is read-only). Nothing was saved.</source>
        <translation>档案文件无法写入（文件为只读）。没有保存任何内容。</translation>
    </message>
    <message>
        <source>The archive {path} is open in another Kehu window or program. Close it there first, then try again.</source>
        <translation>档案 {path} 已在另一个客户经营助手窗口或程序中打开。请先在那里关闭，然后重试。</translation>
    </message>
    <message>
        <source>There is no archive at {path}.</source>
        <translation>{path} 处没有档案。</translation>
    </message>
    <message>
        <source>The archive {path} is encrypted: it can only be checked with its passphrase.</source>
        <translation>档案 {path} 已加密：只有输入密码才能检查。</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name, or open it.</source>
        <translation>{path} 已存在。请换一个名称，或直接打开它。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The passphrase is empty. Type one, or choose a plain archive without encryption.</source>
        <translation>密码为空。请输入密码，或选择不加密的档案。</translation>
    </message>
    <message>
        <source>There is no archive at {path}. Create one first with &apos;python main.py new {path}&apos; or File → New archive.</source>
        <translation>{path} 处没有档案。请先用 &apos;python main.py new {path}&apos; 或“档案 → 新建档案”创建一个。</translation>
    </message>
    <message>
        <source>The archive {path} is encrypted. Enter its passphrase to open it (in the command line: set KEHU_PASSPHRASE or type it when asked).</source>
        <translation>档案 {path} 已加密。请输入密码打开（命令行中：设置 KEHU_PASSPHRASE 环境变量，或在提示时输入）。</translation>
    </message>
    <message>
        <source>The saved key no longer opens {path} (its passphrase was changed). Enter the passphrase.</source>
        <translation>保存的密钥已无法打开 {path}（密码已修改）。请输入密码。</translation>
    </message>
    <message>
        <source>{path} is not a Kehu archive (it is not an SQLite database).</source>
        <translation>{path} 不是客户经营助手的档案（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>The last backup is {backup}. Use Archive → Restore from backup, or &apos;python main.py restore&apos;.</source>
        <translation>最近的备份是 {backup}。请使用“档案 → 从备份恢复”，或 &apos;python main.py restore&apos;。</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>没有找到它的备份。</translation>
    </message>
    <message>
        <source>The archive {path} is damaged and was not opened; it has not been changed. {hint}</source>
        <translation>档案 {path} 已损坏，未被打开；文件没有被改动。{hint}</translation>
    </message>
    <message>
        <source>{path} is a folder, not an archive file. Give the path of the archive file (…/name.kehu).</source>
        <translation>{path} 是一个文件夹，不是档案文件。请给出档案文件的路径（…/名称.kehu）。</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written (it is read-only), and Kehu keeps a lock file and a log beside the archive while it is open. Copy the archive to a folder you can write to, or run &apos;python main.py check {path}&apos;, which writes nothing.</source>
        <translation>文件夹 {folder} 无法写入（只读），而 Kehu 打开档案时要在档案旁边保存锁文件和日志。请把档案复制到可写入的文件夹，或运行 &apos;python main.py check {path}&apos;（它不写入任何文件）。</translation>
    </message>
    <message>
        <source>The archive file {path} is read-only, so it cannot be opened for work. Make it writable (file properties), or copy it; &apos;python main.py check {path}&apos; looks at it without writing.</source>
        <translation>档案文件 {path} 是只读的，无法打开使用。请把它改为可写（文件属性），或复制一份；&apos;python main.py check {path}&apos; 可在不写入的情况下检查它。</translation>
    </message>
    <message>
        <source>The lock file {path} cannot be created: {error}. Kehu needs to write beside the archive while it is open.</source>
        <translation>无法创建锁文件 {path}：{error}。Kehu 打开档案时需要在档案旁边写入文件。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a Kehu archive.</source>
        <translation>{path} 是 SQLite 数据库，但不是客户经营助手的档案。</translation>
    </message>
    <message>
        <source>The archive {path} was written by a newer version of Kehu (format {found}; this version reads up to {latest}). Install the newer version to open it; the archive was not changed.</source>
        <translation>档案 {path} 由更新版本的客户经营助手写入（格式 {found}；本版本最高只能读取 {latest}）。请安装新版本后再打开；档案没有被改动。</translation>
    </message>
    <message>
        <source>The archive {path} is closed. Open it again to go on.</source>
        <translation>档案 {path} 已关闭。请重新打开后继续。</translation>
    </message>
    <message>
        <source>Page {page} is damaged (its check code does not match).</source>
        <translation>第 {page} 页已损坏（校验码不符）。</translation>
    </message>
    <message>
        <source>The file is cut short: it ends inside a page.</source>
        <translation>文件被截断：它在某一页的中间结束。</translation>
    </message>
    <message>
        <source>The file&apos;s first bytes (the salt its key is made with) are damaged.</source>
        <translation>文件开头的字节（生成密钥所用的盐值）已损坏。</translation>
    </message>
    <message>
        <source>The file&apos;s header is damaged.</source>
        <translation>文件头已损坏。</translation>
    </message>
    <message>
        <source>The file is cut short: it should hold {expected} pages, it holds {found}.</source>
        <translation>文件被截断：应有 {expected} 页，实际只有 {found} 页。</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): everything it held is lost.</source>
        <translation>文件是空的（0 字节）：其中的内容已全部丢失。</translation>
    </message>
    <message>
        <source>The archive&apos;s table definitions are damaged (bytes that are not text).</source>
        <translation>档案的表结构定义已损坏（含有不是文字的字节）。</translation>
    </message>
    <message>
        <source>Record {id} of {table}: the text in &apos;{column}&apos; is damaged (bytes that are not text).</source>
        <translation>{table} 表的第 {id} 条记录：“{column}”中的文字已损坏（含有不是文字的字节）。</translation>
    </message>
</context>
<context>
    <name>ArchiveDialogs</name>
    <message>
        <source>Kehu archives (*.kehu);;All files (*)</source>
        <translation>客户经营助手档案 (*.kehu);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>customers.kehu</source>
        <translation>客户档案.kehu</translation>
    </message>
    <message>
        <source>Open archive</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Backing up the archive…</source>
        <translation>正在备份档案…</translation>
    </message>
    <message>
        <source>Archive in a risky place</source>
        <translation>档案存放位置有风险</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>正在检查档案…</translation>
    </message>
    <message>
        <source>Check archive</source>
        <translation>检查档案</translation>
    </message>
    <message>
        <source>The archive {name} is healthy: no damage was found.</source>
        <translation>档案 {name} 完好：未发现损坏。</translation>
    </message>
    <message>
        <source>The last backup is {backup}. Use Archive → Restore from backup.</source>
        <translation>最近的备份是 {backup}。请使用“档案 → 从备份恢复”。</translation>
    </message>
    <message>
        <source>There is no backup of it. Copy the file somewhere safe before changing anything.</source>
        <translation>它没有备份。在做任何改动之前，请先把文件复制到安全的地方。</translation>
    </message>
    <message>
        <source>The archive {name} is damaged.</source>
        <translation>档案 {name} 已损坏。</translation>
    </message>
    <message>
        <source>The archive is damaged</source>
        <translation>档案已损坏</translation>
    </message>
    <message>
        <source>Restore from a backup now? You can look at what each backup holds before choosing.</source>
        <translation>现在从备份恢复吗？选择之前可以先查看每份备份的内容。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>AreaSatisfactionDialog</name>
    <message>
        <source>Satisfaction by area</source>
        <translation>各片区满意度</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>M&amp;anager:</source>
        <translation>客户经理(&amp;A)：</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>调查数</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>（无片区）</translation>
    </message>
    <message>
        <source>Mean scores, 1 to {scale}, of the surveys from {first} to {last}; the change is the latest month&apos;s mean less the month before with surveys.</source>
        <translation>{first} 至 {last} 调查的平均分（1 至 {scale}）；变化为最近一个月的平均分减去之前最近一个有调查的月份。</translation>
    </message>
</context>
<context>
    <name>AudienceEditor</name>
    <message>
        <source>Circles</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Area types</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Ticked values of one kind are alternatives; kinds ticked together must all hold. Nothing ticked: every customer.</source>
        <translation>同一类中勾选的值满足其一即可；不同类须同时满足。都不勾选：全部客户。</translation>
    </message>
    <message>
        <source>Target audience: {count} customers ({audience})</source>
        <translation>目标客群：{count} 位客户（{audience}）</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Branch pack import</source>
        <translation>导入网点规则包</translation>
    </message>
    <message>
        <source>Bulk delete</source>
        <translation>批量删除</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>彻底清除</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>抱怨处理</translation>
    </message>
    <message>
        <source>Tracking log {start} to {end}</source>
        <translation>客户追踪志 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Due list {start} to {end}</source>
        <translation>到期客户清单 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Visit plan {start} to {end}</source>
        <translation>拜访计划 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Activity evaluation: {title}</source>
        <translation>活动评估：{title}</translation>
    </message>
    <message>
        <source>Activity plan: {title}</source>
        <translation>活动方案：{title}</translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation>{name}，版本 {version}</translation>
    </message>
    <message>
        <source>file: {value}</source>
        <translation>文件：{value}</translation>
    </message>
    <message>
        <source>the replaced file kept as {value}</source>
        <translation>被替换的文件保存为 {value}</translation>
    </message>
    <message>
        <source>plan no. {value}</source>
        <translation>方案编号 {value}</translation>
    </message>
    <message>
        <source>period: {value}</source>
        <translation>周期：{value}</translation>
    </message>
    <message>
        <source>key account no. {value}</source>
        <translation>KA 编号 {value}</translation>
    </message>
    <message>
        <source>year {value}</source>
        <translation>{value} 年</translation>
    </message>
    <message>
        <source>store check no. {value}</source>
        <translation>门店检查编号 {value}</translation>
    </message>
    <message>
        <source>partner no. {value}</source>
        <translation>合作伙伴编号 {value}</translation>
    </message>
    <message>
        <source>checklist run no. {value}</source>
        <translation>检查表编号 {value}</translation>
    </message>
    <message>
        <source>backups not cleaned: {value}</source>
        <translation>未清理的备份：{value}</translation>
    </message>
    <message>
        <source>entries of the replaced trail carried over: {value}</source>
        <translation>被替换档案的审计日志已带入：{value} 条</translation>
    </message>
    <message>
        <source>complaint no. {value}</source>
        <translation>抱怨编号 {value}</translation>
    </message>
    <message>
        <source>customer no. {value}</source>
        <translation>客户编号 {value}</translation>
    </message>
    <message>
        <source>from: {value}</source>
        <translation>原管户经理：{value}</translation>
    </message>
    <message>
        <source>to: {value}</source>
        <translation>新管户经理：{value}</translation>
    </message>
    <message>
        <source>status before: {value}</source>
        <translation>原状态：{value}</translation>
    </message>
    <message>
        <source>status after: {value}</source>
        <translation>新状态：{value}</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>half month</source>
        <translation>半月</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>sensitive fields included</source>
        <translation>含敏感字段</translation>
    </message>
    <message>
        <source>full phone numbers printed</source>
        <translation>打印了完整电话号码</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>the customers of a view</source>
        <translation>视图中的客户</translation>
    </message>
    <message>
        <source>{n} backups cleaned</source>
        <translation>已清理 {n} 个备份</translation>
    </message>
    <message>
        <source>customer ids: {ids}</source>
        <translation>客户编号：{ids}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Audit trail → {path}</source>
        <translation>审计日志 → {path}</translation>
    </message>
    <message>
        <source>A-tier rewards {year}</source>
        <translation>A类客户奖励 {year}</translation>
    </message>
    <message>
        <source>Morning sheet {date}</source>
        <translation>晨会表 {date}</translation>
    </message>
    <message>
        <source>Evening sheet {date}</source>
        <translation>夕会表 {date}</translation>
    </message>
    <message>
        <source>Hand-over from {old} to {new}</source>
        <translation>客户移交：{old} → {new}</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无管户经理）</translation>
    </message>
    <message>
        <source>Complaint {id} recorded</source>
        <translation>抱怨 {id} 已记录</translation>
    </message>
    <message>
        <source>Complaint {id} reopened</source>
        <translation>抱怨 {id} 已重新打开</translation>
    </message>
    <message>
        <source>Complaint {id} taken in hand</source>
        <translation>抱怨 {id} 开始处理</translation>
    </message>
    <message>
        <source>Complaint {id} resolved</source>
        <translation>抱怨 {id} 已解决</translation>
    </message>
    <message>
        <source>Complaint {id} confirmed with the customer</source>
        <translation>抱怨 {id} 已与客户确认</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every export, print, backup you made, restore, branch-pack import, bulk delete and purge of this archive. Entries cannot be changed or removed.</source>
        <translation>本档案的每一次导出、打印、手动备份、恢复、网点规则包导入、批量删除和彻底清除。日志条目不能修改或删除。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Entries shown: {count}</source>
        <translation>显示条目：{count}</translation>
    </message>
    <message>
        <source>audit-trail-{date}</source>
        <translation>审计日志-{date}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {count} entries to {path}.</source>
        <translation>已将 {count} 条日志导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>The backup folder {folder} cannot be created: {error}</source>
        <translation>无法创建备份文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation>无法写入备份：{error}</translation>
    </message>
    <message>
        <source>The backup failed its check ({result}); it was discarded.</source>
        <translation>备份未通过校验（{result}），已丢弃。</translation>
    </message>
    <message>
        <source>The backup does not hold the same records as the archive; it was discarded.</source>
        <translation>备份中的记录与档案不一致，已丢弃。</translation>
    </message>
    <message>
        <source>The backup {path} is encrypted. Enter the passphrase the archive had when it was taken.</source>
        <translation>备份 {path} 已加密。请输入做这份备份时档案所用的密码。</translation>
    </message>
    <message>
        <source>The passphrase does not open the backup {path}. It needs the passphrase the archive had when the backup was taken.</source>
        <translation>密码无法打开备份 {path}。需要做这份备份时档案所用的密码。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged and cannot be restored.</source>
        <translation>备份 {path} 已损坏，无法恢复。</translation>
    </message>
    <message>
        <source>The copy of the backup failed its check; nothing was restored.</source>
        <translation>备份的副本未通过校验；没有恢复任何内容。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>when closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a branch rules pack</source>
        <translation>导入网点规则包前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before encrypting</source>
        <translation>加密前</translation>
    </message>
    <message>
        <source>before removing the encryption</source>
        <translation>取消加密前</translation>
    </message>
    <message>
        <source>before a passphrase change</source>
        <translation>更改密码前</translation>
    </message>
    <message>
        <source>before the upgrade from version {version}</source>
        <translation>从版本 {version} 升级前</translation>
    </message>
</context>
<context>
    <name>BirthDateField</name>
    <message>
        <source>e.g. 1985-03-12, or 1985</source>
        <translation>例如 1985-03-12，或 1985</translation>
    </message>
    <message>
        <source>A whole date, or only the year when the day is not known (a year has no birthday reminder)</source>
        <translation>完整日期；不知道具体日子时只写年份（只有年份的不提醒生日）</translation>
    </message>
    <message>
        <source>{age} this year</source>
        <translation>今年{age}岁</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>{age}岁</translation>
    </message>
</context>
<context>
    <name>Books</name>
    <message>
        <source>under {low}</source>
        <translation>不足 {low}</translation>
    </message>
    <message>
        <source>within {low}-{high}</source>
        <translation>在 {low}-{high} 之内</translation>
    </message>
    <message>
        <source>over {high}</source>
        <translation>超过 {high}</translation>
    </message>
    <message>
        <source>Each customer belongs to exactly one manager (归户到人). A reasonable book holds {low} to {high} customers (seed 002: 合理管户标准为{low}-{high}之间).</source>
        <translation>每位客户只归一位管户经理（归户到人）。合理管户标准为{low}-{high}之间。</translation>
    </message>
    <message>
        <source>Name the manager who takes the customers over.</source>
        <translation>请填写接管这些客户的管户经理。</translation>
    </message>
    <message>
        <source>The customers already belong to {name}.</source>
        <translation>这些客户已经归{name}管户。</translation>
    </message>
    <message>
        <source>{count} of the chosen customers are not in the book of {name} (no. {ids}); nothing was handed over.</source>
        <translation>所选客户中有 {count} 位不在{name}的管户名下（编号 {ids}），未做任何移交。</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无管户经理）</translation>
    </message>
    <message>
        <source>No customers to hand over: the book of {name} holds none of them.</source>
        <translation>没有可移交的客户：{name}名下没有这些客户。</translation>
    </message>
    <message>
        <source>Handing the customers over…</source>
        <translation>正在移交客户…</translation>
    </message>
</context>
<context>
    <name>BranchPack</name>
    <message>
        <source>The branch pack {file} was not applied; nothing was changed:</source>
        <translation>网点规则包 {file} 未应用，没有做任何更改：</translation>
    </message>
    <message>
        <source>The pack needs the branch&apos;s name: give it (--name in the command line).</source>
        <translation>规则包需要网点名称：请填写（命令行中用 --name）。</translation>
    </message>
    <message>
        <source>The logo {logo} cannot be read ({error}).</source>
        <translation>无法读取标志图片 {logo}（{error}）。</translation>
    </message>
    <message>
        <source>The logo {logo} is not a PNG image.</source>
        <translation>标志图片 {logo} 不是 PNG 图片。</translation>
    </message>
    <message>
        <source>The file cannot be written ({error}): choose another folder.</source>
        <translation>无法写入文件（{error}）：请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>It is not a branch pack (not a zip file: {error}).</source>
        <translation>这不是网点规则包（不是 zip 文件：{error}）。</translation>
    </message>
    <message>
        <source>{member}: files in folders are not part of a pack.</source>
        <translation>{member}：文件夹中的文件不属于规则包。</translation>
    </message>
    <message>
        <source>{member}: the file is too large.</source>
        <translation>{member}：文件过大。</translation>
    </message>
    <message>
        <source>{member}: it cannot be read ({error}).</source>
        <translation>{member}：无法读取（{error}）。</translation>
    </message>
    <message>
        <source>pack.json is missing: the file is not a branch pack.</source>
        <translation>缺少 pack.json：该文件不是网点规则包。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>pack.json is not valid JSON ({error}).</source>
        <translation>pack.json 不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>pack.json gives no branch name (&quot;name&quot;).</source>
        <translation>pack.json 中没有网点名称（&quot;name&quot;）。</translation>
    </message>
    <message>
        <source>pack.json gives no version (&quot;version&quot;).</source>
        <translation>pack.json 中没有版本（&quot;version&quot;）。</translation>
    </message>
    <message>
        <source>The pack was made by a newer Kehu (format {format}): update the program first.</source>
        <translation>该规则包由更新版本的客户经营助手制作（格式 {format}）：请先更新程序。</translation>
    </message>
    <message>
        <source>logo.png is not a PNG image.</source>
        <translation>logo.png 不是 PNG 图片。</translation>
    </message>
    <message>
        <source>{member} is missing: a pack carries every rules file.</source>
        <translation>缺少 {member}：规则包须包含全部规则文件。</translation>
    </message>
    <message>
        <source>{member} is not a rules file this version of Kehu knows.</source>
        <translation>{member} 不是本版本客户经营助手认识的规则文件。</translation>
    </message>
    <message>
        <source>{member}: the file must hold a JSON object.</source>
        <translation>{member}：文件内容必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>{member} is not valid JSON ({error}).</source>
        <translation>{member} 不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>{member}: an entry is missing or has the wrong type ({error}).</source>
        <translation>{member}：某项缺失或类型不对（{error}）。</translation>
    </message>
    <message>
        <source>The rules folder {folder} cannot be written ({error}).</source>
        <translation>无法写入规则文件夹 {folder}（{error}）。</translation>
    </message>
</context>
<context>
    <name>BranchRules</name>
    <message>
        <source>Branch packs (*.zip);;All files (*)</source>
        <translation>网点规则包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The rules shipped with Kehu (no branch pack applied)</source>
        <translation>程序自带的规则（未应用网点规则包）</translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation>{name}，版本 {version}</translation>
    </message>
    <message>
        <source> (made {date})</source>
        <translation>（{date} 制作）</translation>
    </message>
    <message>
        <source>Import branch pack</source>
        <translation>导入网点规则包</translation>
    </message>
    <message>
        <source>Branch pack not applied</source>
        <translation>网点规则包未应用</translation>
    </message>
    <message>
        <source>The branch pack was not applied; the rules in force are unchanged. Ask your branch for a corrected pack.</source>
        <translation>网点规则包未应用，当前规则没有改变。请向网点索取更正后的规则包。</translation>
    </message>
</context>
<context>
    <name>BranchRulesDialog</name>
    <message>
        <source>Branch rules</source>
        <translation>网点规则</translation>
    </message>
    <message>
        <source>A branch pack holds the branch&apos;s name, address and logo for printouts and every rules file: dimensions, personas, grading thresholds, cadences, planning and holidays. The rules apply to every archive on this computer.</source>
        <translation>网点规则包包含打印用的网点名称、地址和标志，以及全部规则文件：维度、细分客群、分级阈值、走访频率、计划和节假日。规则适用于本电脑上的所有档案。</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Branch &amp;name:</source>
        <translation>网点名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Pack &amp;version:</source>
        <translation>规则包版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG):</source>
        <translation>标志(PNG)(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Export pack…</source>
        <translation>导出规则包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import pack…</source>
        <translation>导入规则包(&amp;I)…</translation>
    </message>
    <message>
        <source>In force: {pack}</source>
        <translation>当前使用：{pack}</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export branch pack</source>
        <translation>导出网点规则包</translation>
    </message>
    <message>
        <source>branch-pack.zip</source>
        <translation>网点规则包.zip</translation>
    </message>
    <message>
        <source>Exported {pack} to {file}.</source>
        <translation>已把 {pack} 导出到 {file}。</translation>
    </message>
    <message>
        <source>Grade and plan again to apply the new rules to your customers.</source>
        <translation>请重新分级和制订计划，使新规则作用于您的客户。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Kehu, the field account manager&apos;s customer archive. With no command, the window opens.</source>
        <translation>客户经营助手：客户经理的客户档案。不带命令时打开程序窗口。</translation>
    </message>
    <message>
        <source>open this archive in the window</source>
        <translation>在窗口中打开此档案</translation>
    </message>
    <message>
        <source>Your name is not set, so this is recorded under the login name &apos;{login}&apos;. Set it in the window (View → Preferences) or with the environment variable KEHU_USER.</source>
        <translation>尚未设置您的姓名，本次操作以登录名“{login}”记录。请在窗口中（视图 → 偏好设置）或用环境变量 KEHU_USER 设置。</translation>
    </message>
    <message>
        <source>Stopped; nothing more was written.</source>
        <translation>已停止；没有再写入任何内容。</translation>
    </message>
    <message>
        <source>check an archive without changing it (exit 0 healthy, 1 damaged)</source>
        <translation>检查档案，不做改动（退出码 0 完好，1 已损坏）</translation>
    </message>
    <message>
        <source>make a verified backup and print its path</source>
        <translation>生成一份经过校验的备份，并显示其路径</translation>
    </message>
    <message>
        <source>folder for the backup (default: beside the archive)</source>
        <translation>备份存放的文件夹（默认：档案所在文件夹）</translation>
    </message>
    <message>
        <source>put a backup in place of the archive (the current file is kept as a backup first)</source>
        <translation>用备份替换档案（当前文件会先另存为一份备份）</translation>
    </message>
    <message>
        <source>the backup file (default: the newest backup)</source>
        <translation>备份文件（默认：最新的备份）</translation>
    </message>
    <message>
        <source>create an empty archive, encrypted with a passphrase (typed twice, or from KEHU_PASSPHRASE)</source>
        <translation>新建一个空档案，用密码加密（输入两次，或取自 KEHU_PASSPHRASE）</translation>
    </message>
    <message>
        <source>no encryption: anyone with the file can read it</source>
        <translation>不加密：拿到文件的任何人都能读取</translation>
    </message>
    <message>
        <source>change the passphrase of an encrypted archive (new one typed twice, or from KEHU_NEW_PASSPHRASE)</source>
        <translation>修改加密档案的密码（新密码输入两次，或取自 KEHU_NEW_PASSPHRASE）</translation>
    </message>
    <message>
        <source>encrypt a plain archive and its backups (a verified backup is taken first)</source>
        <translation>加密未加密的档案及其备份（先做一份经过校验的备份）</translation>
    </message>
    <message>
        <source>remove the encryption of an archive: anyone with the file can then read it</source>
        <translation>取消档案的加密：之后拿到文件的任何人都能读取</translation>
    </message>
    <message>
        <source>do it without asking (needed when there is no terminal)</source>
        <translation>不再询问直接执行（没有终端时必须加上）</translation>
    </message>
    <message>
        <source>Created an empty archive at {path} (not encrypted: anyone with the file can read it)</source>
        <translation>已在 {path} 新建空档案（未加密：拿到文件的任何人都能读取）</translation>
    </message>
    <message>
        <source>Created an empty encrypted archive at {path}</source>
        <translation>已在 {path} 新建加密的空档案</translation>
    </message>
    <message>
        <source>The passphrase opens the latest backup but not the archive itself: the archive is damaged.</source>
        <translation>该密码能打开最近的备份，却打不开档案本身：档案已损坏。</translation>
    </message>
    <message>
        <source>{path}: healthy</source>
        <translation>{path}：完好</translation>
    </message>
    <message>
        <source>{path}: damaged</source>
        <translation>{path}：已损坏</translation>
    </message>
    <message>
        <source>The last backup is {backup}.</source>
        <translation>最近的备份是 {backup}。</translation>
    </message>
    <message>
        <source>There is no backup of {path}.</source>
        <translation>{path} 没有备份。</translation>
    </message>
    <message>
        <source>Restored {backup} to {path}.</source>
        <translation>已把 {backup} 恢复到 {path}。</translation>
    </message>
    <message>
        <source>Left out of the archive by the restore (still in the replaced file):</source>
        <translation>恢复后不再在档案中的内容（仍保存在被替换的文件里）：</translation>
    </message>
    <message>
        <source>Audit entries carried over from the replaced archive: {count}</source>
        <translation>从被替换档案带入的审计日志：{count} 条</translation>
    </message>
    <message>
        <source>The file it replaced was kept as {kept}.</source>
        <translation>被替换的文件已保留为 {kept}。</translation>
    </message>
    <message>
        <source>{path} is not encrypted. Encrypt it with &apos;python main.py encrypt {path}&apos;.</source>
        <translation>{path} 未加密。可用 &apos;python main.py encrypt {path}&apos; 加密。</translation>
    </message>
    <message>
        <source>The passphrase of {path} was changed; its backups were re-keyed too.</source>
        <translation>{path} 的密码已修改；它的备份也已换用新密码。</translation>
    </message>
    <message>
        <source>These backups keep the passphrase they were taken with:</source>
        <translation>以下备份仍使用做备份时的密码：</translation>
    </message>
    <message>
        <source>{path} is already encrypted. To change its passphrase: &apos;python main.py passphrase {path}&apos;.</source>
        <translation>{path} 已经加密。要修改密码：&apos;python main.py passphrase {path}&apos;。</translation>
    </message>
    <message>
        <source>{path} is now encrypted, and so are its backups.</source>
        <translation>{path} 已加密，它的备份也已加密。</translation>
    </message>
    <message>
        <source>Copies you made yourself elsewhere stay unencrypted: delete them.</source>
        <translation>您自己在别处保存的副本仍未加密：请删除。</translation>
    </message>
    <message>
        <source>These backups could not be encrypted and are still readable:</source>
        <translation>以下备份未能加密，仍可被读取：</translation>
    </message>
    <message>
        <source>{path} is not encrypted.</source>
        <translation>{path} 未加密。</translation>
    </message>
    <message>
        <source>Warning: without encryption, anyone who gets the file (a lost laptop, a copy) can read every customer in it.</source>
        <translation>警告：不加密时，任何拿到文件的人（丢失的笔记本电脑、一份副本）都能读取其中的每一位客户。</translation>
    </message>
    <message>
        <source>Remove the encryption?</source>
        <translation>取消加密？</translation>
    </message>
    <message>
        <source>Nothing was changed. (Without a terminal, add --yes.)</source>
        <translation>未做任何更改。（没有终端时请加上 --yes。）</translation>
    </message>
    <message>
        <source>{path} is no longer encrypted. Its earlier backups stay encrypted and need the passphrase.</source>
        <translation>{path} 已不再加密。它以前的备份仍是加密的，需要密码才能打开。</translation>
    </message>
    <message>
        <source>print a sheet to PDF (see &apos;print --help&apos;)</source>
        <translation>把表格打印为 PDF（见 &apos;print --help&apos;）</translation>
    </message>
    <message>
        <source>create a demo archive with realistic customers, areas, transactions and contacts</source>
        <translation>创建一个演示档案，包含逼真的客户、区域、交易和联系记录</translation>
    </message>
    <message>
        <source>the new archive (must not exist yet)</source>
        <translation>新档案（不能已存在）</translation>
    </message>
    <message>
        <source>how many customers (default 800, one manager&apos;s book; at most 1,000,000)</source>
        <translation>客户数量（默认 800，即一位客户经理的管户量；最多 1,000,000）</translation>
    </message>
    <message>
        <source>the same seed gives the same archive (default 1)</source>
        <translation>相同的种子生成相同的档案（默认 1）</translation>
    </message>
    <message>
        <source>leave the customers ungraded (by default the demo is graded: value tier, RFM and persona)</source>
        <translation>不做客户分级（默认会为演示档案分级：价值分级、RFM 和客户画像）</translation>
    </message>
    <message>
        <source>give a whole number of customers from 1 to 1,000,000, not &apos;{text}&apos;</source>
        <translation>请给出 1 至 1,000,000 之间的整数客户数，而不是“{text}”</translation>
    </message>
    <message>
        <source>{path} already exists; the demo never writes into an existing file. Choose a new file name, or delete the old file first.</source>
        <translation>{path} 已存在；演示档案不会写入已有文件。请换一个新文件名，或先删除旧文件。</translation>
    </message>
    <message>
        <source>Created a demo archive at {path} (seed {seed}) in {seconds} s:</source>
        <translation>已在 {path} 创建演示档案（种子 {seed}），用时 {seconds} 秒：</translation>
    </message>
    <message>
        <source>  customers: {customers} (red list: {red}), areas: {areas}, managers: {managers}, transactions: {transactions}, contacts: {contacts}</source>
        <translation>  客户：{customers}（红名单：{red}），区域：{areas}，客户经理：{managers}，交易：{transactions}，联系记录：{contacts}</translation>
    </message>
    <message>
        <source>  key accounts: {accounts} with {stores} stores, {checks} store checks, {photos} photos</source>
        <translation>  重点客户：{accounts} 个，门店 {stores} 家，门店检查 {checks} 次，照片 {photos} 张</translation>
    </message>
    <message>
        <source>  partners: {partners} with {outlets} outlets, {runs} 101 checklist runs, {actions} open follow-up actions</source>
        <translation>  合作伙伴：{partners} 家，网点 {outlets} 个，101检查 {runs} 次，未完成跟进事项 {actions} 项</translation>
    </message>
    <message>
        <source>  not encrypted: the demo holds made-up customers only</source>
        <translation>  未加密：演示档案只包含虚构的客户</translation>
    </message>
    <message>
        <source>  graded as of {date}: {rows} grades (value tier, RFM, persona)</source>
        <translation>  已按 {date} 分级：{rows} 条等级（价值分级、RFM、客户画像）</translation>
    </message>
    <message>
        <source>  planned {visits} visits from {start} to {end}; {targets} targets set for the month</source>
        <translation>  已计划 {start} 至 {end} 的 {visits} 个拜访；已设定本月 {targets} 项目标</translation>
    </message>
    <message>
        <source>export every customer to a .csv (UTF-8, opens in Excel) or .xlsx file</source>
        <translation>将所有客户导出为 .csv（UTF-8，可用 Excel 打开）或 .xlsx 文件</translation>
    </message>
    <message>
        <source>the A-tier service: the senior leader&apos;s calls due and the volume rewards of the year</source>
        <translation>A类客户服务：到期的副总级领导电话和本年度交易量奖励</translation>
    </message>
    <message>
        <source>the archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>the rewards year (default: this year)</source>
        <translation>奖励年度（默认：今年）</translation>
    </message>
    <message>
        <source>the year&apos;s top ten (十佳) and the A-tier volume rewards</source>
        <translation>年度十佳和A类客户交易量奖励</translation>
    </message>
    <message>
        <source>the year (default: this year)</source>
        <translation>年度（默认：今年）</translation>
    </message>
    <message>
        <source>the senior leader&apos;s monthly calls to the A-tier customers (a month from the start)</source>
        <translation>副总级领导对A类客户的每月电话（从第一天起一个月）</translation>
    </message>
    <message>
        <source>No senior leader is named; name one in Preferences or in the branch&apos;s a_service.json.</source>
        <translation>没有指定副总级领导；请在首选项或网点的 a_service.json 中指定。</translation>
    </message>
    <message>
        <source>Senior leader {name}: {count} calls due by {end}</source>
        <translation>副总级领导 {name}：截至 {end} 到期电话 {count} 个</translation>
    </message>
    <message>
        <source>No senior leader is named: no senior calls are due.</source>
        <translation>没有指定副总级领导：没有到期的领导电话。</translation>
    </message>
    <message>
        <source>Volume rewards {year} ({count} A-tier customers):</source>
        <translation>{year} 年交易量奖励（A类客户 {count} 个）：</translation>
    </message>
    <message>
        <source>{count} A-tier customers, top ten of {year}: {top}; wrote {path}</source>
        <translation>A类客户 {count} 个，{year} 年十佳 {top} 个；已写入 {path}</translation>
    </message>
    <message>
        <source>{count} calls for {name} from {start} to {end}; wrote {path}</source>
        <translation>{name} 从 {start} 到 {end} 的电话 {count} 个；已写入 {path}</translation>
    </message>
    <message>
        <source>the file to write (replaced if it exists)</source>
        <translation>要写入的文件（已存在则替换）</translation>
    </message>
    <message>
        <source>why the customers are exported (kept in the audit trail; required above 100 customers)</source>
        <translation>导出客户的原因（记入审计日志；超过 100 位客户时必填）</translation>
    </message>
    <message>
        <source>also export the sensitive fields (financial assets, property, risk appetite); left out otherwise</source>
        <translation>同时导出敏感字段（金融资产、房产、风险偏好）；否则不导出</translation>
    </message>
    <message>
        <source>only the customers of this saved view of the list (default: every customer)</source>
        <translation>只导出这个已保存视图中的客户（默认：全部客户）</translation>
    </message>
    <message>
        <source>Exporting {count} customers (more than {limit}) needs a reason, which is kept in the audit trail: add --reason &quot;TEXT&quot;.</source>
        <translation>导出 {count} 位客户（超过 {limit} 位）需要填写原因，原因会记入审计日志：请加上 --reason &quot;原因&quot;。</translation>
    </message>
    <message>
        <source>Exported {count} customers to {path}</source>
        <translation>已将 {count} 位客户导出到 {path}</translation>
    </message>
    <message>
        <source>The file holds the sensitive fields (financial assets, property, risk appetite): keep it safe.</source>
        <translation>该文件包含敏感字段（金融资产、房产、风险偏好）：请妥善保管。</translation>
    </message>
    <message>
        <source>compute value tiers, RFM types and personas, store them and print the distribution</source>
        <translation>计算价值分级、RFM 类型和客户画像，保存结果并显示分布</translation>
    </message>
    <message>
        <source>grade as of this date (default: today)</source>
        <translation>分级的基准日期（默认：今天）</translation>
    </message>
    <message>
        <source>all (default), ungraded, area:NAME, manager:NAME or older:DAYS</source>
        <translation>all（默认，全部）、ungraded（未分级）、area:区域名、manager:客户经理名 或 older:天数</translation>
    </message>
    <message>
        <source>also replace grades a manager set by hand</source>
        <translation>同时替换客户经理手动设定的等级</translation>
    </message>
    <message>
        <source>set a customer&apos;s opportunity grade from the need and the expected close</source>
        <translation>根据需求和预计成交时间设定客户的商机等级</translation>
    </message>
    <message>
        <source>the customer&apos;s number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>clear, latent or none</source>
        <translation>clear（明确）、latent（潜在）或 none（无）</translation>
    </message>
    <message>
        <source>1m, 3m, 6m, later, never, or the expected close date</source>
        <translation>1m、3m、6m、later、never，或预计成交日期</translation>
    </message>
    <message>
        <source>answered on this date (default: today)</source>
        <translation>回答日期（默认：今天）</translation>
    </message>
    <message>
        <source>a note kept with the grade</source>
        <translation>随等级保存的备注</translation>
    </message>
    <message>
        <source>{scheme}:</source>
        <translation>{scheme}：</translation>
    </message>
    <message>
        <source>No customer is in the scope {scope}; nothing to grade.</source>
        <translation>范围 {scope} 内没有客户；无需分级。</translation>
    </message>
    <message>
        <source>Graded {count} customers as of {as_of} in {seconds:.1f} s.</source>
        <translation>已按 {as_of} 为 {count} 位客户分级，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Grades changed: {count} ({per_scheme}).</source>
        <translation>等级有变化：{count}（{per_scheme}）。</translation>
    </message>
    <message>
        <source>Explanations brought up to date without a grade change: {count}.</source>
        <translation>等级未变、仅更新说明：{count}。</translation>
    </message>
    <message>
        <source>Left as set by hand (overrides): {count}; use --replace-overrides to replace them.</source>
        <translation>保留手动设定的等级：{count}；如需替换，请使用 --replace-overrides。</translation>
    </message>
    <message>
        <source>Customer {id}: opportunity grade {grade}.</source>
        <translation>客户 {id}：商机等级 {grade}。</translation>
    </message>
    <message>
        <source>import customers or transactions from a CSV or .xlsx file (exit 0 all rows good, 1 rows rejected, 2 file unreadable)</source>
        <translation>从 CSV 或 .xlsx 文件导入客户或交易（退出码 0 全部行有效，1 有行被拒绝，2 文件无法读取）</translation>
    </message>
    <message>
        <source>Import a CSV (UTF-8, GBK/GB18030 or UTF-16) or .xlsx file into an archive. All or nothing: if any row is rejected nothing is written, unless --partial. Rows already in the archive or earlier in the file are skipped as duplicates, so importing the same file twice adds nothing the second time.</source>
        <translation>把 CSV（UTF-8、GBK/GB18030 或 UTF-16）或 .xlsx 文件导入档案。要么全部导入，要么都不导入：只要有一行被拒绝就不写入任何内容，除非使用 --partial。档案中已有的行或文件中前面已出现的行作为重复跳过，因此同一文件第二次导入不会增加任何内容。</translation>
    </message>
    <message>
        <source>the CSV or .xlsx file to import</source>
        <translation>要导入的 CSV 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>what the file holds (default: customers)</source>
        <translation>文件内容的类型（默认：customers 客户）</translation>
    </message>
    <message>
        <source>import the good rows even when some are rejected</source>
        <translation>即使有行被拒绝，也导入有效的行</translation>
    </message>
    <message>
        <source>check the file and report, without writing to the archive</source>
        <translation>只检查文件并报告，不写入档案</translation>
    </message>
    <message>
        <source>where to write the rejected rows (default: &lt;file name&gt;-rejects.csv beside the file)</source>
        <translation>被拒绝行的保存位置（默认：文件旁的 &lt;文件名&gt;-rejects.csv）</translation>
    </message>
    <message>
        <source>a JSON object mapping column headers the program does not recognise to field names, or to null to leave a column out</source>
        <translation>一个 JSON 对象，把程序不认识的列标题对应到字段名，或对应到 null 表示不导入该列</translation>
    </message>
    <message>
        <source>the row of the file that holds the column headers (default: found, so titles and notes above the headers are left out)</source>
        <translation>文件中列标题所在的行（默认自动查找，标题行上方的表名和说明不导入）</translation>
    </message>
    <message>
        <source>the manager in charge of customers whose row names none (default: your name)</source>
        <translation>没有写管户经理的客户所归的管户经理（默认：您的姓名）</translation>
    </message>
    <message>
        <source>The mapping file {path} cannot be read: {error}</source>
        <translation>无法读取列对应文件 {path}：{error}</translation>
    </message>
    <message>
        <source>The mapping file {path} is not valid JSON ({error}). Write it like {{&quot;客户电话&quot;: &quot;phone&quot;, &quot;内部编码&quot;: null}}.</source>
        <translation>列对应文件 {path} 不是有效的 JSON（{error}）。请按此格式书写：{{&quot;客户电话&quot;: &quot;phone&quot;, &quot;内部编码&quot;: null}}。</translation>
    </message>
    <message>
        <source>The mapping file {path} must hold one JSON object: {{&quot;header&quot;: &quot;field&quot;, ...}}.</source>
        <translation>列对应文件 {path} 必须是一个 JSON 对象：{{&quot;表头&quot;: &quot;字段&quot;, ...}}。</translation>
    </message>
    <message>
        <source>--header-row counts rows from 1.</source>
        <translation>--header-row 从第 1 行起计数。</translation>
    </message>
    <message>
        <source>Warning: no column goes into Phone, so duplicates are found by name, address, area and birth date only and the customers have no number to call.</source>
        <translation>注意：没有哪一列导入为“电话”，因此只能按姓名、地址、区域和出生日期查重，这些客户也没有可拨打的号码。</translation>
    </message>
    <message>
        <source>The archive was backed up before the import: {path}</source>
        <translation>导入前已备份档案：{path}</translation>
    </message>
    <message>
        <source>imported {imported}, rejected {rejected}, duplicates {duplicates}</source>
        <translation>导入 {imported}，拒绝 {rejected}，重复 {duplicates}</translation>
    </message>
    <message>
        <source>, skipped {skipped}</source>
        <translation>，跳过 {skipped}</translation>
    </message>
    <message>
        <source>Headers read from row {row}; the rows above it were left out.</source>
        <translation>列标题取自第 {row} 行；其上方的行未导入。</translation>
    </message>
    <message>
        <source>Blank rows skipped (not counted as rows): {count}</source>
        <translation>跳过的空行（不计入行数）：{count}</translation>
    </message>
    <message>
        <source>Columns not recognised, left out: {columns}. To import them, map them to fields with --mapping MAP.json.</source>
        <translation>未识别、未导入的列：{columns}。如需导入，请用 --mapping MAP.json 把它们对应到字段。</translation>
    </message>
    <message>
        <source>  rejected row {row}: {reasons}</source>
        <translation>  拒绝第 {row} 行：{reasons}</translation>
    </message>
    <message>
        <source>  duplicate row {row}: {reason}</source>
        <translation>  重复第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>  skipped row {row}: {reason}</source>
        <translation>  跳过第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>The rejected rows, with their reasons, are in {path}</source>
        <translation>被拒绝的行及原因保存在 {path}</translation>
    </message>
    <message>
        <source>Dry run: nothing was written to the archive.</source>
        <translation>试运行：没有写入档案。</translation>
    </message>
    <message>
        <source>Nothing was written to the archive: the import is all or nothing and some rows were rejected. Correct them and import the file again, or import with --partial to add the good rows ({imported}) now.</source>
        <translation>没有写入档案：导入要么全部成功，要么都不写入，而有些行被拒绝了。请改正后重新导入，或使用 --partial 立即导入有效的行（{imported} 行）。</translation>
    </message>
    <message>
        <source>plan the visits due for the coming days, save the plan and export it (PDF, .ics, CSV)</source>
        <translation>为接下来几天安排到期的拜访，保存计划并导出（PDF、.ics、CSV）</translation>
    </message>
    <message>
        <source>first day (default: today)</source>
        <translation>第一天（默认：今天）</translation>
    </message>
    <message>
        <source>calendar days from the start (default 7); weekends, holidays and days off are left out</source>
        <translation>从开始日起的天数（默认 7）；周末、节假日和休息日不排</translation>
    </message>
    <message>
        <source>visits per day</source>
        <translation>每天拜访数</translation>
    </message>
    <message>
        <source>list the customers&apos; complaints (抱怨处理) with their status, owner and due date</source>
        <translation>列出客户抱怨（抱怨处理）及其状态、负责人和处理期限</translation>
    </message>
    <message>
        <source>only those not yet confirmed with the customer</source>
        <translation>只列尚未与客户确认的</translation>
    </message>
    <message>
        <source>only those not resolved by their due date</source>
        <translation>只列逾期未解决的</translation>
    </message>
    <message>
        <source>the day overdue is reckoned on (default: today)</source>
        <translation>计算逾期的日期（默认：今天）</translation>
    </message>
    <message>
        <source>only this manager&apos;s customers</source>
        <translation>只包括该客户经理的客户</translation>
    </message>
    <message>
        <source>Complaints: {count}</source>
        <translation>抱怨：{count} 条</translation>
    </message>
    <message>
        <source>  #{id} {date} {customer} ({manager}): {category}, {channel}; {status}; owner {owner}, due {due}</source>
        <translation>  #{id} {date} {customer}（{manager}）：{category}，{channel}；{status}；负责人 {owner}，期限 {due}</translation>
    </message>
    <message>
        <source>, {days} days overdue</source>
        <translation>，逾期 {days} 天</translation>
    </message>
    <message>
        <source>, satisfaction {score}/{scale}</source>
        <translation>，满意度 {score}/{scale}</translation>
    </message>
    <message>
        <source>days off, comma separated (2026-11-25,2026-11-26)</source>
        <translation>休息日，用逗号分隔（2026-11-25,2026-11-26）</translation>
    </message>
    <message>
        <source>working hours (default from the planning rules)</source>
        <translation>工作时间（默认取计划规则）</translation>
    </message>
    <message>
        <source>where each day starts (e.g. the branch)</source>
        <translation>每天的出发地点（如网点）</translation>
    </message>
    <message>
        <source>route search time limit</source>
        <translation>路线搜索时限</translation>
    </message>
    <message>
        <source>export a saved plan instead of making a new one</source>
        <translation>导出已保存的计划，而不是新建</translation>
    </message>
    <message>
        <source>do not keep the plan in the archive</source>
        <translation>不把计划保存到档案</translation>
    </message>
    <message>
        <source>write the plan as a calendar</source>
        <translation>把计划导出为日历</translation>
    </message>
    <message>
        <source>write the plan as CSV</source>
        <translation>把计划导出为 CSV</translation>
    </message>
    <message>
        <source>the tracking log (客户追踪志) of one opportunity grade</source>
        <translation>某一商机等级的客户追踪志</translation>
    </message>
    <message>
        <source>the opportunity grade: A (daily log, 追踪日志), B (weekly, 周志), C (half-monthly, 半月志), D (monthly, 月志); periods from the planning rules</source>
        <translation>商机等级：A（追踪日志，每天）、B（周志）、C（半月志）、D（月志）；周期取自计划规则</translation>
    </message>
    <message>
        <source>another period than the grade&apos;s own: day, week, half-month or month</source>
        <translation>不用该等级自己的周期时指定：day（日）、week（周）、half-month（半月）或 month（月）</translation>
    </message>
    <message>
        <source>who is due for a visit or a call in a period</source>
        <translation>一段时间内应拜访、应致电的客户</translation>
    </message>
    <message>
        <source>calendar days from the start (default 7)</source>
        <translation>从第一天起的自然日数（默认 7）</translation>
    </message>
    <message>
        <source>leave the visits not planned out of the printed plan</source>
        <translation>打印的计划中不列未排入的拜访</translation>
    </message>
    <message>
        <source>{count} customers of opportunity grade {grade} from {start} to {end}; wrote {path}</source>
        <translation>商机{grade}级客户 {count} 位（{start} 至 {end}）；已写入 {path}</translation>
    </message>
    <message>
        <source>{visits} visits and {calls} calls due from {start} to {end}; wrote {path}</source>
        <translation>应拜访 {visits} 位、应致电 {calls} 位（{start} 至 {end}）；已写入 {path}</translation>
    </message>
    <message>
        <source>a saved visit plan</source>
        <translation>已保存的拜访计划</translation>
    </message>
    <message>
        <source>only the customers of this saved view of the list</source>
        <translation>只安排这个已保存视图中的客户</translation>
    </message>
    <message>
        <source>the plan (default: the latest)</source>
        <translation>计划编号（默认：最新的）</translation>
    </message>
    <message>
        <source>list the circles (圈子) with centre, size and results since joining</source>
        <translation>列出圈子（圆心、规模和入圈以来的业绩）</translation>
    </message>
    <message>
        <source>list the promotion plans and compare the finished activities</source>
        <translation>列出促销活动方案并对比已完成的活动</translation>
    </message>
    <message>
        <source>a promotion plan sheet (促销活动方案)</source>
        <translation>促销活动方案表</translation>
    </message>
    <message>
        <source>the evaluation of a finished promotion activity</source>
        <translation>已完成促销活动的评估报告</translation>
    </message>
    <message>
        <source>the plan&apos;s number, as the promotions command lists it</source>
        <translation>方案编号，即 promotions 命令列出的编号</translation>
    </message>
    <message>
        <source>key accounts (KA): list them with their reward tier; &apos;ka ranking&apos; and &apos;ka import-stores&apos; (see &apos;ka --help&apos;)</source>
        <translation>重点客户（KA）：列出客户及其奖励档次；另有 &apos;ka ranking&apos; 和 &apos;ka import-stores&apos;（见 &apos;ka --help&apos;）</translation>
    </message>
    <message>
        <source>&apos;ka PATH&apos; lists the key accounts with stores, last store check, the year&apos;s volume against target and the reward tier reached. &apos;ka ranking PATH --year YYYY&apos; ranks the accounts by the year&apos;s volume (equal volumes share a rank). &apos;ka import-stores PATH --account ID FILE&apos; imports regions and stores from a CSV or .xlsx file: all or nothing, unless --partial; rejected rows go to a rejects file (exit 0 all rows good, 1 rows rejected, 2 file unreadable). &apos;ka import-volume&apos; reads period, volume and target columns the same way; a period already entered takes the file&apos;s figures.</source>
        <translation>&apos;ka PATH&apos; 列出重点客户及其门店数、最近门店检查、年度销量与目标和达到的奖励档次。&apos;ka ranking PATH --year YYYY&apos; 按年度销量给客户排名（销量相同名次相同）。&apos;ka import-stores PATH --account ID FILE&apos; 从 CSV 或 .xlsx 文件导入大区和门店：全部成功才写入，除非加 --partial；被拒绝的行写入拒绝文件（退出码 0 全部正确，1 有被拒绝的行，2 文件无法读取）。&apos;ka import-volume&apos; 以同样方式读取期间、销量和目标列；已录入的期间采用文件中的数字。</translation>
    </message>
    <message>
        <source>what to do and the archive (see the forms above)</source>
        <translation>要做什么以及档案（见上面的用法）</translation>
    </message>
    <message>
        <source>a key account&apos;s dossier (KA 档案): stores, team, contacts, commitments, store checks, volume and reward tier</source>
        <translation>重点客户档案（KA 档案）：门店、团队、联系人、承诺、门店检查、销量与奖励档次</translation>
    </message>
    <message>
        <source>the key account&apos;s number, as &apos;ka PATH&apos; lists it</source>
        <translation>重点客户的编号（见 &apos;ka PATH&apos; 的列表）</translation>
    </message>
    <message>
        <source>the year of the volume (default: the latest with volume entered)</source>
        <translation>销量的年份（默认：最近录入销量的年份）</translation>
    </message>
    <message>
        <source>one store check with its results and photos, to sign</source>
        <translation>一次门店检查及其结果和照片，供签字</translation>
    </message>
    <message>
        <source>the store check&apos;s number (shown on the account&apos;s Store checks tab)</source>
        <translation>门店检查的编号（见客户的“门店检查”页）</translation>
    </message>
    <message>
        <source>write the printout to this PDF</source>
        <translation>把打印内容写入此 PDF</translation>
    </message>
    <message>
        <source>branch name for the page header</source>
        <translation>页眉上的网点名称</translation>
    </message>
    <message>
        <source>print phone numbers in full (else 138****5678)</source>
        <translation>打印完整电话号码（否则为 138****5678）</translation>
    </message>
    <message>
        <source>the year (default: the latest with volume entered)</source>
        <translation>年份（默认：最近录入销量的年份）</translation>
    </message>
    <message>
        <source>No key accounts yet.</source>
        <translation>还没有重点客户。</translation>
    </message>
    <message>
        <source>last check {date}: {score}</source>
        <translation>最近检查 {date}：{score}</translation>
    </message>
    <message>
        <source>no store check yet</source>
        <translation>尚无门店检查</translation>
    </message>
    <message>
        <source>{id:&gt;4}  {name} ({scope}, {channel}): {stores} stores; {check}; {year}: {volume} of {target} {unit}; {standing}</source>
        <translation>{id:&gt;4}  {name}（{scope}，{channel}）：{stores} 家门店；{check}；{year}年：{volume} / {target} {unit}；{standing}</translation>
    </message>
    <message>
        <source>No volume entered for {year}.</source>
        <translation>{year}年没有录入销量。</translation>
    </message>
    <message>
        <source>{title} {year} (by volume, {unit}):</source>
        <translation>{year} {title}（按销量，{unit}）：</translation>
    </message>
    <message>
        <source>* in the {title}; equal volumes share a rank and are listed by name.</source>
        <translation>* 入选{title}；销量相同名次相同，按名称排列。</translation>
    </message>
    <message>
        <source>{name}: {stores} stores, {checks} store checks</source>
        <translation>{name}：{stores} 家门店，{checks} 次门店检查</translation>
    </message>
    <message>
        <source>Store check {id} of {store} on {date}: score {score}; wrote {path}</source>
        <translation>门店检查 {id}（{store}，{date}）：得分 {score}；已写入 {path}</translation>
    </message>
    <message>
        <source>Plan {id} ({title}), {count} customers in the audience; wrote {path}</source>
        <translation>方案 {id}（{title}），目标客群 {count} 位客户；已写入 {path}</translation>
    </message>
    <message>
        <source>Plan {id} has not taken place yet ({status}); evaluate it once it is running or done.</source>
        <translation>方案 {id} 尚未开展（{status}）；请在活动进行中或完成后再评估。</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>No promotion plans yet.</source>
        <translation>还没有促销活动方案。</translation>
    </message>
    <message>
        <source>Finished activities side by side:</source>
        <translation>已完成活动对比：</translation>
    </message>
    <message>
        <source>No circles yet.</source>
        <translation>还没有圈子。</translation>
    </message>
    <message>
        <source>{name} [{area}] centre: {centre} ({kind}); {members} members, {activities} activities; since joining: {deals} transactions, {amount} in amount</source>
        <translation>{name} [{area}] 圆心：{centre}（{kind}）；{members} 名成员，{activities} 次活动；入圈以来：{deals} 笔交易，金额 {amount}</translation>
    </message>
    <message>
        <source>branch name in the page header</source>
        <translation>页眉中的网点名称</translation>
    </message>
    <message>
        <source>print phone numbers in full (masked by default)</source>
        <translation>打印完整电话号码（默认隐去中间四位）</translation>
    </message>
    <message>
        <source>language of the printout</source>
        <translation>打印语言</translation>
    </message>
    <message>
        <source>give a date such as 2026-11-23</source>
        <translation>请给出日期，如 2026-11-23</translation>
    </message>
    <message>
        <source>give a whole number of 1 or more, not &apos;{text}&apos;</source>
        <translation>请给出不小于 1 的整数，而不是“{text}”</translation>
    </message>
    <message>
        <source>give working hours as 09:00-18:00</source>
        <translation>请按 09:00-18:00 的格式给出工作时间</translation>
    </message>
    <message>
        <source>give the start point as latitude,longitude, e.g. 31.23,121.47</source>
        <translation>请按 纬度,经度 给出出发地点，如 31.23,121.47</translation>
    </message>
    <message>
        <source>the start point is not a position on Earth</source>
        <translation>出发地点不是地球上的位置</translation>
    </message>
    <message>
        <source>{date}: {count} visits, {km} km</source>
        <translation>{date}：{count}个拜访，{km}公里</translation>
    </message>
    <message>
        <source>Not planned: {count}</source>
        <translation>未排入计划：{count}</translation>
    </message>
    <message>
        <source>  ... and {count} more</source>
        <translation>  …… 另有 {count} 个</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>{planned} visits planned, {unplanned} not planned, {calls} calls due; {km} km by straight line.</source>
        <translation>已安排拜访 {planned} 个，未排入 {unplanned} 个，到期电话 {calls} 个；直线距离 {km} 公里。</translation>
    </message>
    <message>
        <source>Saved as plan {id}.</source>
        <translation>已保存为计划 {id}。</translation>
    </message>
    <message>
        <source>There is no saved visit plan in this archive; make one with &apos;python main.py plan&apos;.</source>
        <translation>档案中没有已保存的拜访计划；请用 &apos;python main.py plan&apos; 新建。</translation>
    </message>
    <message>
        <source>check that this installation works: demo archive, import, grading, visit plan, PDF with Chinese font, window (offscreen)</source>
        <translation>检查本次安装能否正常工作：演示档案、导入、分级、拜访计划、带中文字体的 PDF、窗口（离屏）</translation>
    </message>
    <message>
        <source>keep the temporary folder and say where it is</source>
        <translation>保留临时文件夹并显示其位置</translation>
    </message>
    <message>
        <source>Files kept in {folder}</source>
        <translation>文件保留在 {folder}</translation>
    </message>
    <message>
        <source>Self-test failed at step {step}.</source>
        <translation>自检在步骤“{step}”失败。</translation>
    </message>
    <message>
        <source>Self-test passed in {seconds} s.</source>
        <translation>自检通过，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>export or import a branch rule pack (the branch&apos;s details and every rules file)</source>
        <translation>导出或导入网点规则包（网点信息和全部规则文件，适用于本机的所有档案）</translation>
    </message>
    <message>
        <source>write the rules in force to a branch pack file</source>
        <translation>把本机所有档案使用的规则写入网点规则包文件</translation>
    </message>
    <message>
        <source>the pack file to write (.zip)</source>
        <translation>要写入的规则包文件（ZIP 格式）</translation>
    </message>
    <message>
        <source>the branch&apos;s name (default: the applied pack&apos;s, else the printouts&apos; branch name)</source>
        <translation>网点名称（默认：已应用规则包中的名称，否则为打印用的网点名称）</translation>
    </message>
    <message>
        <source>the branch&apos;s address for printed headers</source>
        <translation>打印页眉上的网点地址</translation>
    </message>
    <message>
        <source>the pack&apos;s version (default: the applied pack&apos;s, else 1)</source>
        <translation>规则包版本（默认：已应用规则包的版本，否则为 1）</translation>
    </message>
    <message>
        <source>a PNG logo for printed headers</source>
        <translation>打印页眉用的 PNG 标志</translation>
    </message>
    <message>
        <source>check a branch pack and make its rules the ones in force</source>
        <translation>检查网点规则包，并把其中的规则用于本机的所有档案</translation>
    </message>
    <message>
        <source>the pack file (.zip)</source>
        <translation>规则包文件（ZIP 格式）</translation>
    </message>
    <message>
        <source>only check the pack; change nothing</source>
        <translation>只检查规则包，不做任何更改</translation>
    </message>
    <message>
        <source>record the import in this archive&apos;s audit trail (the rules apply to every archive; without it nothing is recorded)</source>
        <translation>把这次导入记入此档案的审计日志（规则对所有档案生效；不加此项则不记录）</translation>
    </message>
    <message>
        <source>name the branch pack in force</source>
        <translation>显示本机档案当前使用的网点规则包</translation>
    </message>
    <message>
        <source>{name}, version {version} ({created})</source>
        <translation>{name}，版本 {version}（{created}）</translation>
    </message>
    <message>
        <source>Wrote the branch pack {pack} with {count} rules files to {file}.</source>
        <translation>已把网点规则包 {pack}（{count} 个规则文件）写入 {file}。</translation>
    </message>
    <message>
        <source>The branch pack {pack} is usable; nothing was changed.</source>
        <translation>网点规则包 {pack} 可以使用；没有做任何更改。</translation>
    </message>
    <message>
        <source>Applied the branch pack {pack}: its rules are now in force.</source>
        <translation>已应用网点规则包 {pack}：其规则现已生效。</translation>
    </message>
    <message>
        <source>No branch pack is applied: the rules shipped with the program are in force.</source>
        <translation>未应用网点规则包：使用程序自带的规则。</translation>
    </message>
    <message>
        <source>{what} There is no terminal to ask at: set the environment variable {env} (a passphrase is never taken as an argument).</source>
        <translation>{what} 没有可以询问的终端：请设置环境变量 {env}（密码从不通过命令参数传入）。</translation>
    </message>
    <message>
        <source>{path} is encrypted.</source>
        <translation>{path} 已加密。</translation>
    </message>
    <message>
        <source>Passphrase for {path}: </source>
        <translation>{path} 的密码：</translation>
    </message>
    <message>
        <source>No passphrase was typed; nothing was opened.</source>
        <translation>没有输入密码；未打开任何档案。</translation>
    </message>
    <message>
        <source>[y/N] </source>
        <translation>[是 y / 否 N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Warning: the passphrase in {env} is weak. {hint}</source>
        <translation>警告：{env} 中的密码强度弱。{hint}</translation>
    </message>
    <message>
        <source>A new passphrase for {path} is needed.</source>
        <translation>需要为 {path} 设置新密码。</translation>
    </message>
    <message>
        <source>Choose a passphrase for {path}. Without it the archive cannot be opened: keep it somewhere safe.</source>
        <translation>请为 {path} 设置密码。没有它就无法打开档案：请妥善保管。</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>No passphrase was typed; nothing was changed.</source>
        <translation>没有输入密码；未做任何更改。</translation>
    </message>
    <message>
        <source>Strength: {level}. {hint}</source>
        <translation>强度：{level}。{hint}</translation>
    </message>
    <message>
        <source>Use this weak passphrase anyway?</source>
        <translation>仍要使用这个弱密码吗？</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The two do not match; try again.</source>
        <translation>两次输入不一致，请重试。</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>中</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>list the partners (合作伙伴) with their last 101 score, open actions and performance flag</source>
        <translation>列出合作伙伴及其最近一次101得分、未完成事项和业绩预警</translation>
    </message>
    <message>
        <source>show this partner: checklist runs, open actions, targets and actuals</source>
        <translation>显示该合作伙伴：检查记录、未完成事项、目标与实绩</translation>
    </message>
    <message>
        <source>import the outlets the partner (--partner) covers from a CSV or .xlsx file; all or nothing unless --partial</source>
        <translation>从 CSV 或 .xlsx 文件导入该合作伙伴（--partner）覆盖的网点；除非加 --partial，否则全部导入或全不导入</translation>
    </message>
    <message>
        <source>with --import-outlets: add the good rows even if some are rejected</source>
        <translation>与 --import-outlets 一起用：即使有行被拒绝，也导入合格的行</translation>
    </message>
    <message>
        <source>a partner&apos;s 101 checklist run for sign-off (the latest by default)</source>
        <translation>合作伙伴的101检查表，供双方签字（默认最近一次）</translation>
    </message>
    <message>
        <source>the partner&apos;s number, as the partners command lists it</source>
        <translation>合作伙伴编号，见 partners 命令的列表</translation>
    </message>
    <message>
        <source>the partner&apos;s N-th run (1 = the first); default: the latest</source>
        <translation>该伙伴的第 N 次检查（1 = 第一次）；默认最近一次</translation>
    </message>
    <message>
        <source>{name} has no checklist run yet; run one in the window (Partners → New checklist run).</source>
        <translation>{name} 还没有检查记录；请在窗口中新建一次（合作伙伴 → 新建101检查）。</translation>
    </message>
    <message>
        <source>{name}: run of {date} by {reviewer}, checklist {version}, score {score}; wrote {path}</source>
        <translation>{name}：{date} 由 {reviewer} 检查，检查表版本 {version}，得分 {score}；已写入 {path}</translation>
    </message>
    <message>
        <source>Say which partner the outlets belong to: --partner ID.</source>
        <translation>请用 --partner ID 指明网点属于哪个合作伙伴。</translation>
    </message>
    <message>
        <source>No partners yet.</source>
        <translation>还没有合作伙伴。</translation>
    </message>
    <message>
        <source>BELOW TARGET</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <source>{id:&gt;4}  {name}  {kind}  {territory}  outlets {outlets}  last run {last} score {score}  open actions {actions}  {flag}</source>
        <translation>{id:&gt;4}  {name}  {kind}  {territory}  网点 {outlets}  最近检查 {last} 得分 {score}  未完成事项 {actions}  {flag}</translation>
    </message>
    <message>
        <source>  run {n}: {date} {reviewer}, checklist {version}, score {score}</source>
        <translation>  第 {n} 次：{date} {reviewer}，检查表版本 {version}，得分 {score}</translation>
    </message>
    <message>
        <source>  open action due {date}: {text} ({owner})</source>
        <translation>  未完成事项，{date} 到期：{text}（{owner}）</translation>
    </message>
    <message>
        <source> (running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source> (below target)</source>
        <translation>（未达目标）</translation>
    </message>
    <message>
        <source>  {period}: target {target}, actual {actual}{state}</source>
        <translation>  {period}：目标 {target}，实绩 {actual}{state}</translation>
    </message>
    <message>
        <source>  Flagged: below target in the last two periods.</source>
        <translation>  预警：最近两个周期均未达目标。</translation>
    </message>
    <message>
        <source>remove deleted customers for good: every record of them, in the archive and in its backups (recorded in the audit trail)</source>
        <translation>彻底清除已删除的客户：档案及其备份中关于他们的每条记录（记入审计日志）</translation>
    </message>
    <message>
        <source>a deleted customer&apos;s number (repeat for several)</source>
        <translation>已删除客户的编号（多个请重复填写）</translation>
    </message>
    <message>
        <source>every deleted customer</source>
        <translation>所有已删除的客户</translation>
    </message>
    <message>
        <source>why they are purged (kept in the audit trail)</source>
        <translation>清除原因（记入审计日志）</translation>
    </message>
    <message>
        <source>There are no deleted customers to purge.</source>
        <translation>没有需要清除的已删除客户。</translation>
    </message>
    <message>
        <source>show the audit trail: exports, prints, backups, restores, branch-pack imports, bulk deletes and purges, newest first</source>
        <translation>显示审计日志：导出、打印、备份、恢复、网点规则包导入、批量删除和彻底清除，最新的在前</translation>
    </message>
    <message>
        <source>from this day on</source>
        <translation>从这一天起</translation>
    </message>
    <message>
        <source>up to this day</source>
        <translation>截至这一天</translation>
    </message>
    <message>
        <source>only this kind of entry</source>
        <translation>只显示这类条目</translation>
    </message>
    <message>
        <source>write the entries shown to this file instead</source>
        <translation>改为把显示的条目写入此文件</translation>
    </message>
    <message>
        <source>Wrote {count} audit entries to {path}</source>
        <translation>已将 {count} 条审计日志写入 {path}</translation>
    </message>
    <message>
        <source>No audit entries.</source>
        <translation>没有审计日志条目。</translation>
    </message>
    <message>
        <source>({count} records)</source>
        <translation>（{count} 条记录）</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>the deleted customers: list them, or restore one (its history is kept)</source>
        <translation>已删除客户：列出，或恢复其中一位（变更历史保留）</translation>
    </message>
    <message>
        <source>list the deleted customers, most recently deleted first</source>
        <translation>列出已删除客户，最近删除的在前</translation>
    </message>
    <message>
        <source>only those whose name, pinyin or phone matches TEXT</source>
        <translation>只列姓名、拼音或电话与 TEXT 相符的客户</translation>
    </message>
    <message>
        <source>bring a deleted customer back, with their history, contacts and grades</source>
        <translation>恢复一位已删除客户，连同其变更历史、联系记录和分级</translation>
    </message>
    <message>
        <source>the customer&apos;s number (see &apos;customers deleted&apos;)</source>
        <translation>客户编号（见 customers deleted）</translation>
    </message>
    <message>
        <source>There are no deleted customers.</source>
        <translation>没有已删除的客户。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Restored customer no. {id} ({name}); the history is kept.</source>
        <translation>已恢复客户 {id}（{name}），变更历史保留。</translation>
    </message>
    <message>
        <source>each manager&apos;s book: its size against the reasonable standard (500-800) and its tier mix</source>
        <translation>每位管户经理的管户数（对照合理管户标准500-800）及各类客户构成</translation>
    </message>
    <message>
        <source>hand customers over to another manager: a whole book, or the customers of a saved view</source>
        <translation>把客户移交给另一位管户经理：整个名下，或某个已保存视图中的客户</translation>
    </message>
    <message>
        <source>the manager who holds them now (&quot;&quot; for customers nobody holds)</source>
        <translation>现在的管户经理（无人管户的客户写 &quot;&quot;）</translation>
    </message>
    <message>
        <source>the manager who takes them over</source>
        <translation>接管的管户经理</translation>
    </message>
    <message>
        <source>only the customers of this saved view of the list (default: the whole book)</source>
        <translation>只移交这个已保存视图中的客户（默认：整个名下）</translation>
    </message>
    <message>
        <source>ungraded {count}</source>
        <translation>未分级 {count}</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无管户经理）</translation>
    </message>
    <message>
        <source>{name}: {count} customers, {status}; {mix}</source>
        <translation>{name}：{count} 位客户，{status}；{mix}</translation>
    </message>
    <message>
        <source>The archive holds no customers.</source>
        <translation>档案中没有客户。</translation>
    </message>
    <message>
        <source>There is no saved view named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的已保存视图。</translation>
    </message>
    <message>
        <source>{count} customers handed over from {old} to {new}.</source>
        <translation>已将 {count} 位客户从{old}移交给{new}。</translation>
    </message>
    <message>
        <source>the manager (default: your name, see Preferences)</source>
        <translation>管户经理（默认：您的姓名，见“首选项”）</translation>
    </message>
    <message>
        <source>a manager&apos;s monthly targets, broken down to the working days, with the actuals</source>
        <translation>管户经理的月度目标（新增客户、拜访、电话、成交、金额），分解到每个工作日，并对照实际完成</translation>
    </message>
    <message>
        <source>set the month&apos;s targets: KIND=VALUE ... (an empty VALUE removes one)</source>
        <translation>设定本月目标：种类=数值 …（数值留空即删除该项）</translation>
    </message>
    <message>
        <source>kinds: new_customers, visits, calls, deals, amount</source>
        <translation>种类：new_customers、visits、calls、deals、amount</translation>
    </message>
    <message>
        <source>the month (default: this month)</source>
        <translation>月份（默认：本月）</translation>
    </message>
    <message>
        <source>the month&apos;s targets, the day&apos;s share and the actuals</source>
        <translation>本月目标、当天分解额与实际完成</translation>
    </message>
    <message>
        <source>customers per lifecycle stage (潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失), or the customers of one stage</source>
        <translation>各生命周期阶段(潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失)的客户数,或某一阶段的客户</translation>
    </message>
    <message>
        <source>the day (default: today)</source>
        <translation>日期（默认：今天）</translation>
    </message>
    <message>
        <source>list the customers of this stage (潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失, in this order)</source>
        <translation>列出这一阶段的客户（依次为 潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失）</translation>
    </message>
    <message>
        <source>{stage}: {count} customers as of {date}</source>
        <translation>{stage}:截至 {date} 共 {count} 位客户</translation>
    </message>
    <message>
        <source>Lifecycle stages as of {date}:</source>
        <translation>截至 {date} 的客户生命周期阶段:</translation>
    </message>
    <message>
        <source>{stage}: {count}</source>
        <translation>{stage}:{count}</translation>
    </message>
    <message>
        <source>care calls due: birthdays and festivals, a week ahead, each with its reason</source>
        <translation>到期的关怀电话：生日与节日，提前一周，各附原因</translation>
    </message>
    <message>
        <source>how many days from the start (default: 7)</source>
        <translation>从起始日起的天数（默认：7）</translation>
    </message>
    <message>
        <source>the morning sheet (晨会): today&apos;s targets, plan, calls, care calls and follow-ups</source>
        <translation>晨会表：今天的目标、计划、电话、关怀电话和跟进事项</translation>
    </message>
    <message>
        <source>the evening sheet (夕会): results against the targets and what moves to the next working day</source>
        <translation>夕会表：对照目标的完成情况，以及顺延到下一个工作日的事项</translation>
    </message>
    <message>
        <source>Write each target as KIND=VALUE, not &apos;{text}&apos;.</source>
        <translation>每项目标请写成 种类=数值，而不是“{text}”。</translation>
    </message>
    <message>
        <source>Targets of {name} for {month}:</source>
        <translation>{name} {month} 的目标：</translation>
    </message>
    <message>
        <source>{name}, {date}: working day {number} of {days} in {month}</source>
        <translation>{name}，{date}：{month} 共 {days} 个工作日中的第 {number} 个</translation>
    </message>
    <message>
        <source>{name}, {date}: not a working day ({days} working days in {month})</source>
        <translation>{name}，{date}：非工作日（{month} 共 {days} 个工作日）</translation>
    </message>
    <message>
        <source>  {kind}: no target; today {day}, month to date {to_date}</source>
        <translation>  {kind}：未设目标；今天 {day}，本月累计 {to_date}</translation>
    </message>
    <message>
        <source>  {kind}: month {month}; today {day} of {day_target}; month to date {to_date} of {to_date_target}</source>
        <translation>  {kind}：月目标 {month}；今天 {day}/{day_target}；本月累计 {to_date}/{to_date_target}</translation>
    </message>
    <message>
        <source>{count} care calls due from {start} to {end}</source>
        <translation>{start} 至 {end} 到期的关怀电话 {count} 个</translation>
    </message>
    <message>
        <source>{name}, {date}: wrote {path}</source>
        <translation>{name}，{date}：已写入 {path}</translation>
    </message>
    <message>
        <source>satisfaction surveys (满意度调查): the mean score per area and month, and its change</source>
        <translation>满意度调查：各片区每月的平均分及其变化</translation>
    </message>
    <message>
        <source>only this area, with each customer&apos;s latest score and its change</source>
        <translation>只看该片区，并列出每位客户最近一次的评分及变化</translation>
    </message>
    <message>
        <source>the last day (default: today)</source>
        <translation>截止日期（默认：今天）</translation>
    </message>
    <message>
        <source>Satisfaction (1 to {scale}) from {first} to {last}</source>
        <translation>满意度（1 至 {scale}），{first} 至 {last}</translation>
    </message>
    <message>
        <source>  {area}: {surveys} survey(s) of {customers} customer(s), mean {mean:.2f}</source>
        <translation>  {area}：{customers} 位客户的 {surveys} 份调查，平均 {mean:.2f}</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>（无片区）</translation>
    </message>
    <message>
        <source>, change {change} on the month before</source>
        <translation>，较上月变化 {change}</translation>
    </message>
    <message>
        <source>    {name}: {date} {score:.2f} {change}</source>
        <translation>    {name}：{date} {score:.2f} {change}</translation>
    </message>
    <message>
        <source>branch work across managers: customers that may be the same person</source>
        <translation>支行跨经理工作：可能是同一人的客户</translation>
    </message>
    <message>
        <source>list the customer pairs that may be the same person (same phone, or similar name and the same birth date)</source>
        <translation>列出可能是同一人的客户对（电话相同，或姓名相近且出生日期相同）</translation>
    </message>
    <message>
        <source>also write the pairs to this .csv (or .xlsx) file</source>
        <translation>同时将客户对写入此 .csv（或 .xlsx）文件</translation>
    </message>
    <message>
        <source>Duplicate candidates: {count}</source>
        <translation>疑似重复客户：{count} 对</translation>
    </message>
    <message>
        <source>  #{first_id} {first_name} ({first_manager}) / #{second_id} {second_name} ({second_manager}): {reason}, score {score}</source>
        <translation>  #{first_id} {first_name}（{first_manager}）/ #{second_id} {second_name}（{second_manager}）：{reason}，得分 {score}</translation>
    </message>
    <message>
        <source>Wrote {count} pairs to {path}</source>
        <translation>已将 {count} 对客户写入 {path}</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Last contact: {date} {result}</source>
        <translation>上次联系：{date} {result}</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Visit {name}: {purpose}</source>
        <translation>拜访 {name}：{purpose}</translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <source>Birthday greeting call: {date}, turns {age}</source>
        <translation>生日祝福电话：{date}，{age} 岁生日</translation>
    </message>
    <message>
        <source>Birthday greeting call: {date}</source>
        <translation>生日祝福电话：{date}</translation>
    </message>
    <message>
        <source>{festival} greeting: {date} (lunar {lunar})</source>
        <translation>{festival}问候：{date}（农历{lunar}）</translation>
    </message>
    <message>
        <source>{festival} greeting: {date}</source>
        <translation>{festival}问候：{date}</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Every row is checked; nothing is written yet.</source>
        <translation>逐行检查；此时还不会写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>&amp;Fix the file and check again: correct the rejected rows in the spreadsheet, save it, then check</source>
        <translation>修改文件后重新检查(&amp;F)：在表格中改正被拒绝的行并保存，然后再检查</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>重新检查(&amp;C)</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Customers to import: {count}</source>
        <translation>待导入客户：{count}</translation>
    </message>
    <message>
        <source>Transactions to import: {count}</source>
        <translation>待导入交易：{count}</translation>
    </message>
    <message>
        <source>Rows checked: {count}</source>
        <translation>已检查行数：{count}</translation>
    </message>
    <message>
        <source>Rejected: {count}</source>
        <translation>被拒绝：{count}</translation>
    </message>
    <message>
        <source>Duplicates, to be skipped: {count}</source>
        <translation>重复（将跳过）：{count}</translation>
    </message>
    <message>
        <source>Not records (totals, notes), skipped: {count}</source>
        <translation>非客户记录（合计、说明），已跳过：{count}</translation>
    </message>
    <message>
        <source>Columns left out: {columns}.</source>
        <translation>不导入的列：{columns}。</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <source>No row can be imported yet: correct the rejected rows in the file (the reasons are listed below), save it and check again.</source>
        <translation>目前没有可导入的行：请在文件中改正被拒绝的行（原因见下方），保存后重新检查。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rejected ({count})</source>
        <translation>被拒绝（{count}）</translation>
    </message>
    <message>
        <source>Duplicates ({count})</source>
        <translation>重复（{count}）</translation>
    </message>
    <message>
        <source>Skipped ({count})</source>
        <translation>跳过（{count}）</translation>
    </message>
    <message>
        <source>Rejected ({count}, first {shown} shown)</source>
        <translation>被拒绝（{count}，显示前 {shown} 行）</translation>
    </message>
    <message>
        <source>&amp;Import the {count} good rows and write the rejected rows to a file with their reasons</source>
        <translation>导入 {count} 条合格的行，被拒绝的行连同原因写入文件(&amp;I)</translation>
    </message>
    <message>
        <source>The check was stopped. Go back and forward again to check the file.</source>
        <translation>检查已停止。请返回上一步再前进，以重新检查文件。</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>the template has no version; add &quot;version&quot;: &quot;1&quot;.</source>
        <translation>检查表没有版本号；请加上 &quot;version&quot;: &quot;1&quot;。</translation>
    </message>
    <message>
        <source>the parts must be qualification, cooperation and management (found: {parts}).</source>
        <translation>部分必须是 qualification、cooperation 和 management（资格认定、合作互利关系、管理规范和程序；现为：{parts}）。</translation>
    </message>
    <message>
        <source>an item has no key.</source>
        <translation>有检查项缺少 key。</translation>
    </message>
    <message>
        <source>the item key {key} appears twice.</source>
        <translation>检查项 key {key} 重复出现。</translation>
    </message>
    <message>
        <source>item {key} names an unknown part {part}.</source>
        <translation>检查项 {key} 指定了未知的部分 {part}。</translation>
    </message>
    <message>
        <source>item {key} needs a positive weight.</source>
        <translation>检查项 {key} 需要大于零的权重。</translation>
    </message>
    <message>
        <source>item {key} needs title_en and title_zh.</source>
        <translation>检查项 {key} 需要 title_en 和 title_zh。</translation>
    </message>
    <message>
        <source>the template has no items.</source>
        <translation>检查表没有检查项。</translation>
    </message>
    <message>
        <source>Checklist template {id} is not in this archive.</source>
        <translation>本档案中没有检查表模板 {id}。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Enter who reviewed the partner (the reviewer).</source>
        <translation>请填写检查人。</translation>
    </message>
    <message>
        <source>The checklist has no item {key}; it may have changed. Start the run again.</source>
        <translation>检查表中没有检查项 {key}，可能已经修改。请重新开始检查。</translation>
    </message>
    <message>
        <source>Answer every item (met, not met or N/A); still open: {items}.</source>
        <translation>请逐项作答（达标、未达标或不适用）；尚未作答：{items}。</translation>
    </message>
    <message>
        <source>An item&apos;s result must be met, not met or N/A.</source>
        <translation>检查项结果只能是达标、未达标或不适用。</translation>
    </message>
    <message>
        <source>Each follow-up action needs what to do, an owner and a due date.</source>
        <translation>每个跟进事项都需要写明事项、负责人和到期日。</translation>
    </message>
    <message>
        <source>There is no checklist run number {id} in this archive.</source>
        <translation>本档案中没有编号为 {id} 的检查记录。</translation>
    </message>
    <message>
        <source>The partner has {count} checklist runs; choose a run number from 1 to {count}.</source>
        <translation>该合作伙伴有 {count} 次检查记录；请选择 1 到 {count} 之间的序号。</translation>
    </message>
</context>
<context>
    <name>ChecklistPrintDialog</name>
    <message>
        <source>Print the 101 checklist</source>
        <translation>打印101检查表</translation>
    </message>
    <message>
        <source>{name}: run of {date} by {reviewer}, score {score}</source>
        <translation>{name}：{date} 由 {reviewer} 检查，得分 {score}</translation>
    </message>
</context>
<context>
    <name>ChecklistRunDialog</name>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>{name} is empty; nothing was attached.</source>
        <translation>{name} 是空文件，未附加。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; evidence may be at most {limit} MB. Take a smaller photo or shrink it first.</source>
        <translation>{name} 有 {size} MB；证据最多 {limit} MB。请拍一张小一些的照片或先压缩。</translation>
    </message>
    <message>
        <source>{name} is not a picture that can be read; attach it as a photo in JPEG or PNG.</source>
        <translation>{name} 不是可读取的图片；请附加 JPEG 或 PNG 格式的照片。</translation>
    </message>
    <message>
        <source>101 checklist: {name}</source>
        <translation>101检查：{name}</translation>
    </message>
    <message>
        <source>Checklist version {version}: {count} items in three parts; the score counts the weights of the items met against those that apply (N/A left out).</source>
        <translation>检查表版本 {version}：三个部分共 {count} 项；得分 = 达标项权重 ÷ 适用项权重（不适用项不计）。</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>检查人(&amp;R)：</translation>
    </message>
    <message>
        <source>(the whole partnership)</source>
        <translation>（整体合作）</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>添加事项(&amp;A)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于检查项</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Follow-up actions (they become due visits in the visit planning)</source>
        <translation>跟进事项（将作为待拜访事项进入拜访计划）</translation>
    </message>
    <message>
        <source>Score: {score}   (met {met}, not met {not_met}, N/A {na}, not answered {open})</source>
        <translation>得分：{score}   （达标 {met}，未达标 {not_met}，不适用 {na}，未作答 {open}）</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证据</translation>
    </message>
    <message>
        <source>Photos and files (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt);;All files (*)</source>
        <translation>照片和文件 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A follow-up action needs what is to be done and an owner.</source>
        <translation>跟进事项需要写明要做什么和负责人。</translation>
    </message>
    <message>
        <source>Answer every item (met, not met or N/A); {count} still open, the first is “{item}”.</source>
        <translation>请逐项作答（达标、未达标或不适用）；还有 {count} 项未作答，第一项是“{item}”。</translation>
    </message>
</context>
<context>
    <name>CircleActivityDialog</name>
    <message>
        <source>Record an activity of the circle</source>
        <translation>记录圈子活动</translation>
    </message>
    <message>
        <source>e.g. mid-autumn get-together in the square</source>
        <translation>例如：广场中秋联欢</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Held on:</source>
        <translation>举办日期(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Promotion plan:</source>
        <translation>活动方案(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>CircleDialog</name>
    <message>
        <source>New circle</source>
        <translation>新建圈子</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>e.g. 幸福里广场舞队</source>
        <translation>例如：幸福里广场舞队</translation>
    </message>
    <message>
        <source>the compound, park, campus or street</source>
        <translation>小区、园区、校园或街道</translation>
    </message>
    <message>
        <source>No centre chosen</source>
        <translation>未选圆心</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Where the centre&apos;s pull comes from: seniority (先发), resources (利益), rank (权势), expertise (专业) or fun (快乐)</source>
        <translation>圆心的影响力来自：先发、利益、权势、专业或快乐</translation>
    </message>
    <message>
        <source>what holds it together (向心力), e.g. dancing every evening</source>
        <translation>凝聚大家的向心力，例如：每晚一起跳舞</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>微信群</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>上门走访</translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>电话联系</translation>
    </message>
    <message>
        <source>Regular get-together</source>
        <translation>定期聚会</translation>
    </message>
    <message>
        <source>&amp;Add members…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>片区(&amp;R)：</translation>
    </message>
    <message>
        <source>Area &amp;type:</source>
        <translation>商圈类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Centre (圆心):</source>
        <translation>圆心(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Kind of centre:</source>
        <translation>圆心类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Pull (向心力):</source>
        <translation>向心力(&amp;P)：</translation>
    </message>
    <message>
        <source>Contact &amp;mode:</source>
        <translation>联系方式(&amp;M)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Circle: {name}</source>
        <translation>圈子：{name}</translation>
    </message>
    <message>
        <source>centre (圆心)</source>
        <translation>圆心</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} 位成员</translation>
    </message>
    <message>
        <source>Choose the centre (圆心)</source>
        <translation>选择圆心</translation>
    </message>
    <message>
        <source>Add members</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>The centre stays a member; choose another centre first.</source>
        <translation>圆心必须是成员；请先选择另一位圆心。</translation>
    </message>
    <message>
        <source>There is no area called {name}; pick an area from the list, or leave it empty.</source>
        <translation>没有名为“{name}”的片区；请从列表中选择，或留空。</translation>
    </message>
</context>
<context>
    <name>CircleEvaluationDialog</name>
    <message>
        <source>Evaluate the circle</source>
        <translation>评估圈子</translation>
    </message>
    <message>
        <source>How the staff see the circle: active, cooling, growing…</source>
        <translation>员工对圈子的感知：活跃、降温、壮大…</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Staff &amp;perception:</source>
        <translation>员工感知(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Staff rating (1-5):</source>
        <translation>员工评分（1-5）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Overall rating (1-5):</source>
        <translation>综合评分（1-5）(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>Circles</name>
    <message>
        <source>A circle needs a name.</source>
        <translation>圈子需要一个名称。</translation>
    </message>
    <message>
        <source>Unknown area type &apos;{key}&apos;.</source>
        <translation>未知的商圈类型 &apos;{key}&apos;。</translation>
    </message>
    <message>
        <source>Unknown kind of centre &apos;{key}&apos;: pick seniority, resources, rank, expertise or fun.</source>
        <translation>未知的圆心类型 &apos;{key}&apos;：请选择先发、利益、权势、专业或快乐。</translation>
    </message>
    <message>
        <source>That area does not exist; pick one from the list.</source>
        <translation>该区域不存在；请从列表中选择。</translation>
    </message>
    <message>
        <source>The centre must be a customer in the archive.</source>
        <translation>圆心必须是档案中的客户。</translation>
    </message>
    <message>
        <source>Circle {id} does not exist (any more).</source>
        <translation>圈子 {id} 不存在（或已删除）。</translation>
    </message>
    <message>
        <source>No customer with id {ids}.</source>
        <translation>没有编号为 {ids} 的客户。</translation>
    </message>
    <message>
        <source>The centre cannot leave the circle; choose another centre first.</source>
        <translation>圆心不能退出圈子；请先另选圆心。</translation>
    </message>
    <message>
        <source>Say what the activity was, or link a promotion plan.</source>
        <translation>请说明活动内容，或关联一个促销活动方案。</translation>
    </message>
    <message>
        <source>That promotion plan does not exist.</source>
        <translation>该促销活动方案不存在。</translation>
    </message>
    <message>
        <source>Give a rating from 1 to 5.</source>
        <translation>请给出 1 到 5 的评分。</translation>
    </message>
</context>
<context>
    <name>CirclesPanel</name>
    <message>
        <source>&amp;New circle…</source>
        <translation>新建圈子(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Plan an activity…</source>
        <translation>策划活动(&amp;P)…</translation>
    </message>
    <message>
        <source>Record an &amp;activity…</source>
        <translation>记录活动(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;valuate…</source>
        <translation>评估(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>No circles yet. A circle is a group of people who know each other, with a centre (圆心), a pull (向心力) and continuing activity: create one with New circle.</source>
        <translation>还没有圈子。圈子是一群彼此认识的人，有圆心、有向心力、有持续的活动：用“新建圈子”创建一个。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Activities held</source>
        <translation>已办活动</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Centre (圆心)</source>
        <translation>圆心</translation>
    </message>
    <message>
        <source>Kind of centre</source>
        <translation>圆心类型</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Contact mode</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Pull (向心力): {pull}</source>
        <translation>向心力：{pull}</translation>
    </message>
    <message>
        <source>Size over time (members at month end): {sizes}</source>
        <translation>规模变化（月末成员数）：{sizes}</translation>
    </message>
    <message>
        <source>Since they joined: {buyers} of {members} members bought, {count} transactions, amount {amount}; new products {products}; grades up {up}, down {down}.</source>
        <translation>入圈以来：{members} 位成员中 {buyers} 位有交易，共 {count} 笔，金额 {amount}；新产品 {products} 个；等级上升 {up}、下降 {down}。</translation>
    </message>
    <message>
        <source>centre (圆心)</source>
        <translation>圆心</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入圈日期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Amount since joining</source>
        <translation>入圈以来金额</translation>
    </message>
    <message>
        <source>Staff rating</source>
        <translation>员工评分</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>Staff perception</source>
        <translation>员工感知</translation>
    </message>
    <message>
        <source>Delete circle</source>
        <translation>删除圈子</translation>
    </message>
    <message>
        <source>Delete the circle {name} with its members list, activities and evaluations? The customers and promotion plans stay.</source>
        <translation>删除圈子“{name}”及其成员名单、活动和评估？客户和活动方案保留。</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Choose columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Default columns</source>
        <translation>默认列(&amp;D)</translation>
    </message>
    <message>
        <source>Tick the columns to show; drag or move them to change their order.</source>
        <translation>勾选要显示的列；拖动或上下移动以调整顺序。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>The circles the customer is the centre (圆心) of</source>
        <translation>客户担任圆心的圈子</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Sensitive: hidden unless you choose to show it.</source>
        <translation>敏感信息：除非您选择显示，否则隐藏。</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Merchandising commitment</source>
        <translation>生动化承诺</translation>
    </message>
    <message>
        <source>e.g. 主通道端架1组，满陈列</source>
        <translation>例如 主通道端架1组，满陈列</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>所有门店</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>适用(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Record complaint: {name}</source>
        <translation>记录抱怨：{name}</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>客户反映的问题，尽量用客户的原话</translation>
    </message>
    <message>
        <source>Who handles it (default: the customer&apos;s manager)</source>
        <translation>由谁处理（默认：该客户的客户经理）</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>受理渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>D&amp;ue by:</source>
        <translation>处理期限(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In hand</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Confirmed with the customer</source>
        <translation>已与客户确认</translation>
    </message>
    <message>
        <source>The {what} is not a date (YYYY-MM-DD): {value}</source>
        <translation>{what}不是日期（YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <source>This customer no longer exists (or was deleted); the complaint was not recorded.</source>
        <translation>该客户已不存在（或已删除），抱怨未记录。</translation>
    </message>
    <message>
        <source>complaint&apos;s date</source>
        <translation>抱怨日期</translation>
    </message>
    <message>
        <source>Unknown channel {channel}; one of: {choices}.</source>
        <translation>未知的受理渠道 {channel}；可选：{choices}。</translation>
    </message>
    <message>
        <source>Unknown category {category}; one of: {choices}.</source>
        <translation>未知的抱怨类别 {category}；可选：{choices}。</translation>
    </message>
    <message>
        <source>Say what the complaint is about.</source>
        <translation>请填写抱怨内容。</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>The due date {due} is before the complaint&apos;s date {date}.</source>
        <translation>处理期限 {due} 早于抱怨日期 {date}。</translation>
    </message>
    <message>
        <source>This complaint no longer exists.</source>
        <translation>该抱怨已不存在。</translation>
    </message>
    <message>
        <source>Unknown status {status}.</source>
        <translation>未知的状态 {status}。</translation>
    </message>
    <message>
        <source>Only a resolved complaint can be confirmed with the customer; this one is {status}.</source>
        <translation>只有已解决的抱怨才能与客户确认；此抱怨为“{status}”。</translation>
    </message>
    <message>
        <source>This complaint is confirmed with the customer and closed; record a new complaint instead.</source>
        <translation>此抱怨已与客户确认并关闭；如有新问题请另行记录。</translation>
    </message>
    <message>
        <source>A complaint cannot go from {status} back to {to}; only a resolved one can be reopened (back to in hand).</source>
        <translation>抱怨不能从“{status}”退回“{to}”；只有已解决的抱怨可以重新打开（回到处理中）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The date {day} is before the complaint&apos;s date {date}.</source>
        <translation>日期 {day} 早于抱怨日期 {date}。</translation>
    </message>
    <message>
        <source>Give the customer&apos;s satisfaction, 1 to {scale}.</source>
        <translation>请填写客户满意度，1 至 {scale}。</translation>
    </message>
    <message>
        <source>The satisfaction is given when confirming with the customer.</source>
        <translation>满意度在与客户确认时填写。</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Open complaints</source>
        <translation>未结抱怨</translation>
    </message>
</context>
<context>
    <name>ComplaintsPanel</name>
    <message>
        <source>&amp;Record complaint…</source>
        <translation>记录抱怨(&amp;R)…</translation>
    </message>
    <message>
        <source>Record a complaint of this customer (抱怨处理)</source>
        <translation>记录该客户的一条抱怨（抱怨处理）</translation>
    </message>
    <message>
        <source>&amp;Move on…</source>
        <translation>推进处理(&amp;M)…</translation>
    </message>
    <message>
        <source>Move the chosen complaint on: in hand, resolved, confirmed with the customer (double-click)</source>
        <translation>推进所选抱怨：处理中、已解决、已与客户确认（双击）</translation>
    </message>
    <message>
        <source>O&amp;verdue only</source>
        <translation>只看逾期(&amp;V)</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>M&amp;anager:</source>
        <translation>客户经理(&amp;A)：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{when} {who}: {to}</source>
        <translation>{when} {who}：{to}</translation>
    </message>
    <message>
        <source>{when} {who}: {frm} → {to}</source>
        <translation>{when} {who}：{frm} → {to}</translation>
    </message>
</context>
<context>
    <name>ComputedPage</name>
    <message>
        <source>Computed grades</source>
        <translation>计算出的等级</translation>
    </message>
    <message>
        <source>Value tier, RFM type and persona for the customers in the scope. Select a customer to read why they got their grades; ✎ marks a grade set by hand, which is kept.</source>
        <translation>范围内客户的价值分级、RFM 类型和客户画像。选择一位客户可查看评级理由；✎ 表示手动设定的等级，会被保留。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Select a customer to see the explanation of their grades.</source>
        <translation>选择一位客户以查看其等级的说明。</translation>
    </message>
    <message>
        <source>Pareto curve of the value tiers</source>
        <translation>价值分级的帕累托曲线</translation>
    </message>
    <message>
        <source>Pareto curve</source>
        <translation>帕累托曲线</translation>
    </message>
    <message>
        <source>Working out the grades…</source>
        <translation>正在计算等级…</translation>
    </message>
    <message>
        <source>Stopped. Go back to choose the scope again.</source>
        <translation>已停止。请返回重新选择范围。</translation>
    </message>
    <message>
        <source>{count} customers graded as of {as_of} (transactions from {start} to {end}). Changes: value tier {tier}, RFM type {rfm}, persona {persona}. Grades set by hand kept: {kept}.</source>
        <translation>已按 {as_of} 为 {count} 位客户分级（交易期间 {start} 至 {end}）。变化：价值分级 {tier}，RFM 类型 {rfm}，客户画像 {persona}。保留手动设定的等级：{kept}。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Log contact: {name}</source>
        <translation>登记联系：{name}</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>上门拜访(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Phone call</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;MS</source>
        <translation>短信(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Online</source>
        <translation>线上(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. introduce the new savings plan</source>
        <translation>例如：介绍新的储蓄计划</translation>
    </message>
    <message>
        <source>e.g. interested, wants to talk with family</source>
        <translation>例如：有兴趣，想和家人商量</translation>
    </message>
    <message>
        <source>e.g. phone back with the rates</source>
        <translation>例如：回电告知利率</translation>
    </message>
    <message>
        <source>optional, e.g. 2024-06-01</source>
        <translation>选填，例如 2024-06-01</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>目的(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>结果(&amp;R)：</translation>
    </message>
    <message>
        <source>Ne&amp;xt step:</source>
        <translation>下一步(&amp;X)：</translation>
    </message>
    <message>
        <source>Next d&amp;ate:</source>
        <translation>下次日期(&amp;A)：</translation>
    </message>
    <message>
        <source>This customer was deleted; restore the customer before logging a contact.</source>
        <translation>该客户已被删除；请先恢复该客户，再登记联系。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>e.g. 采购总监, 品类经理, 店长</source>
        <translation>例如 采购总监、品类经理、店长</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>&amp;KeyMan: the decision maker (at most one per account)</source>
        <translation>KeyMan(&amp;K)：决策人（每个客户最多一位）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>职务(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Works at:</source>
        <translation>所在(&amp;W)：</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>CountChart</name>
    <message>
        <source>Click a bar, or pick one with the arrow keys and press Enter, to list those customers</source>
        <translation>点击某个柱，或用方向键选中后按回车，即可列出这些客户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>{label}: {count} customers — click to list them</source>
        <translation>{label}：{count} 位客户 — 点击列出</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Basic information</source>
        <translation>基础信息</translation>
    </message>
    <message>
        <source>Contact and area</source>
        <translation>联系方式与区域</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>Needs and notes</source>
        <translation>需求与备注</translation>
    </message>
    <message>
        <source>Size, deal and KeyMan</source>
        <translation>规模、成交与关键人</translation>
    </message>
    <message>
        <source>The area type belongs to the area: changing it changes it for every customer in the area.</source>
        <translation>商圈类型属于区域：修改它会改变该区域内所有客户的商圈类型。</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>登记联系(&amp;L)…</translation>
    </message>
    <message>
        <source>Record a visit, call, message or online contact (Ctrl+L)</source>
        <translation>记录一次拜访、电话、短信或线上联系（Ctrl+L）</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>抱怨</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>&amp;Restore customer</source>
        <translation>恢复客户(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new customer record (Ctrl+N)</source>
        <translation>新建一条客户记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Undo every unsaved edit: show what is stored</source>
        <translation>撤销所有未保存的修改：显示已保存的内容</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>保存修改（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>e.g. 31.2304</source>
        <translation>例如 31.2304</translation>
    </message>
    <message>
        <source>e.g. 121.4737</source>
        <translation>例如 121.4737</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>{value} (not in the rules)</source>
        <translation>{value}（不在规则中）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>下次日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Contacts ({count})</source>
        <translation>联系记录（{count}）</translation>
    </message>
    <message>
        <source>Change history ({count})</source>
        <translation>变更历史（{count}）</translation>
    </message>
    <message>
        <source>centre (圆心)</source>
        <translation>圆心</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Contact mode</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Circles ({count})</source>
        <translation>圈子（{count}）</translation>
    </message>
    <message>
        <source>Complaints ({count})</source>
        <translation>抱怨（{count}）</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>This customer was deleted on {when}. Restore the customer to change the record or log contacts.</source>
        <translation>该客户已于 {when} 删除。如需修改记录或登记联系，请先恢复该客户。</translation>
    </message>
    <message>
        <source>Nothing was saved. Correct the marked fields: {fields}.</source>
        <translation>没有保存。请改正标出的字段：{fields}。</translation>
    </message>
    <message>
        <source>Give the date the customer was taken on.</source>
        <translation>请填写建档日期。</translation>
    </message>
    <message>
        <source>The area type belongs to an area: choose or type the area first.</source>
        <translation>商圈类型属于区域：请先选择或输入区域。</translation>
    </message>
    <message>
        <source>The new customer was saved.</source>
        <translation>新客户已保存。</translation>
    </message>
    <message>
        <source>Saved: {fields}.</source>
        <translation>已保存：{fields}。</translation>
    </message>
    <message>
        <source>Nothing had changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>{name} (no. {id}) already has this phone number.</source>
        <translation>{name}（编号 {id}）已使用这个电话号码。</translation>
    </message>
    <message>
        <source>{name} (no. {id}) has the same name and birth date, and no phone.</source>
        <translation>{name}（编号 {id}）姓名和出生日期相同，且没有电话。</translation>
    </message>
    <message>
        <source>The same customer?</source>
        <translation>是同一位客户吗？</translation>
    </message>
    <message>
        <source>The import treats such a row as a duplicate. Open the other customer to compare, or save this one as a different person.</source>
        <translation>导入时这样的行会被视为重复。可以打开另一位客户比较，或作为另一个人保存。</translation>
    </message>
    <message>
        <source>&amp;Open {name}</source>
        <translation>打开 {name}(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>仍然保存(&amp;S)</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This customer has changes that are not saved. Save them?</source>
        <translation>该客户有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete {name}? The customer leaves the lists; the record, its contacts and its change history are kept and it can be restored.</source>
        <translation>删除{name}？该客户将从列表中移除；记录、联系记录和变更历史都会保留，可以恢复。</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Satisfaction ({count})</source>
        <translation>满意度（{count}）</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <source>name, area or phone digits</source>
        <translation>姓名、片区或电话号码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>选择(&amp;C)</translation>
    </message>
    <message>
        <source>{count} customers match.</source>
        <translation>{count} 位客户符合。</translation>
    </message>
    <message>
        <source>Choose a customer in the list.</source>
        <translation>请在列表中选择一位客户。</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Clear the search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>选择列…</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Red list (no phone)</source>
        <translation>红名单（无电话）</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Delete this view</source>
        <translation>删除此视图</translation>
    </message>
    <message>
        <source>No customer matches the search with these filters.</source>
        <translation>在当前筛选下没有客户符合搜索。</translation>
    </message>
    <message>
        <source>No customer matches the search.</source>
        <translation>没有客户符合搜索。</translation>
    </message>
    <message>
        <source>No customer matches these filters.</source>
        <translation>没有客户符合这些筛选条件。</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Add a customer to the plan</source>
        <translation>向计划添加客户</translation>
    </message>
    <message>
        <source>name, area or phone digits</source>
        <translation>姓名、区域或电话号码</translation>
    </message>
    <message>
        <source>Let re-optimising choose the day</source>
        <translation>由重新优化安排日期</translation>
    </message>
    <message>
        <source>optional, e.g. deliver the new card</source>
        <translation>选填，例如：送新卡</translation>
    </message>
    <message>
        <source>Loading the customers…</source>
        <translation>正在读取客户…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>{count} customers not yet in the plan.</source>
        <translation>{count} 位客户尚未在计划中。</translation>
    </message>
    <message>
        <source>Choose a customer in the list.</source>
        <translation>请在列表中选择一位客户。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Deleted. Open the customer to restore them.</source>
        <translation>已删除。打开该客户即可恢复。</translation>
    </message>
    <message>
        <source>{name} (deleted)</source>
        <translation>{name}（已删除）</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>The potential amount cannot be negative.</source>
        <translation>潜在需求金额不能为负数。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a value of {dimension}.</source>
        <translation>“{value}”不是{dimension}的取值。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an area type.</source>
        <translation>“{value}”不是商圈类型。</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户必须有姓名。</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>出生日期在将来。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>请同时填写纬度和经度，或都不填。</translation>
    </message>
    <message>
        <source>Every customer belongs to one manager in charge: name the manager.</source>
        <translation>每位客户都要归一位管户经理：请填写管户经理。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Customers deleted</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>A contact needs a date.</source>
        <translation>联系记录必须有日期。</translation>
    </message>
    <message>
        <source>Choose how the contact was made.</source>
        <translation>请选择联系方式。</translation>
    </message>
    <message>
        <source>The next date is before the contact date.</source>
        <translation>下次日期早于联系日期。</translation>
    </message>
    <message>
        <source>There is no customer no. {id}.</source>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
    <message>
        <source>Customer no. {id} ({name}) is not deleted.</source>
        <translation>客户 {id}（{name}）未被删除。</translation>
    </message>
    <message>
        <source>This contact is no longer in the archive.</source>
        <translation>这条联系记录已不在档案中。</translation>
    </message>
    <message>
        <source>This contact belongs to a visit of a plan; change it in the plan.</source>
        <translation>这条联系记录属于拜访计划中的一次拜访，请在计划中修改。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a size; use one of {names}.</source>
        <translation>“{value}”不是规模；请用以下之一：{names}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a deal status; use one of {names}.</source>
        <translation>“{value}”不是成交状态；请用以下之一：{names}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no (是/否).</source>
        <translation>“{value}”不是是或否（是/否）。</translation>
    </message>
</context>
<context>
    <name>DailySheetsPanel</name>
    <message>
        <source>&amp;Targets…</source>
        <translation>目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Print the &amp;morning sheet…</source>
        <translation>打印晨会表(&amp;M)…</translation>
    </message>
    <message>
        <source>Print the e&amp;vening sheet…</source>
        <translation>打印夕会表(&amp;V)…</translation>
    </message>
    <message>
        <source>Ma&amp;nager:</source>
        <translation>管户经理(&amp;N)：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月目标</translation>
    </message>
    <message>
        <source>Today&apos;s target</source>
        <translation>今日目标</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>今日完成</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>累计目标</translation>
    </message>
    <message>
        <source>Done to date</source>
        <translation>累计完成</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>日子</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>and {count} more calls due: the due list has them all</source>
        <translation>另有 {count} 个到期电话，见到期客户清单</translation>
    </message>
    <message>
        <source>Care call</source>
        <translation>关怀电话</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Targets: working day {number} of {days}</source>
        <translation>目标：第 {number}/{days} 个工作日</translation>
    </message>
    <message>
        <source>Targets: not a working day</source>
        <translation>目标：非工作日</translation>
    </message>
    <message>
        <source>(none set)</source>
        <translation>（未设定）</translation>
    </message>
    <message>
        <source>Care calls ({count})</source>
        <translation>关怀电话（{count}）</translation>
    </message>
    <message>
        <source>Moves to {date} ({count})</source>
        <translation>顺延到 {date}（{count}）</translation>
    </message>
    <message>
        <source>Morning and evening sheets (晨会 / 夕会)</source>
        <translation>晨会 / 夕会</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Whose customers</source>
        <translation>谁的客户</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Grade customers…</source>
        <translation>客户分级(&amp;G)…</translation>
    </message>
    <message>
        <source>Persona mix (target personas marked)</source>
        <translation>客户画像构成（标出目标画像）</translation>
    </message>
    <message>
        <source>Overdue tracking dates per opportunity grade</source>
        <translation>各商机等级的逾期追踪</translation>
    </message>
    <message>
        <source>Pareto curve of the value tiers</source>
        <translation>价值分级的帕累托曲线</translation>
    </message>
    <message>
        <source>Customers per lifecycle stage</source>
        <translation>各生命周期阶段的客户数</translation>
    </message>
    <message>
        <source>The whole archive</source>
        <translation>整个档案</translation>
    </message>
    <message>
        <source>Manager: {name}</source>
        <translation>客户经理：{name}</translation>
    </message>
    <message>
        <source>Area: {name}</source>
        <translation>区域：{name}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{share:.0f}% of the customers with a persona are in a target persona</source>
        <translation>有画像的客户中，{share:.0f}% 属于目标画像</translation>
    </message>
    <message>
        <source>Nobody has this grade yet: use Grade customers…</source>
        <translation>还没有客户有此等级：请使用“客户分级…”</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>{count} customers; {graded} with a value tier; {overdue} tracking dates overdue.</source>
        <translation>{count} 位客户；{graded} 位已有价值分级；{overdue} 个追踪日期已逾期。</translation>
    </message>
    <message>
        <source>Last grading run: as of {as_of}, on {when} by {by}.</source>
        <translation>上次分级：基准日 {as_of}，{when} 由 {by} 执行。</translation>
    </message>
    <message>
        <source>Nobody has been graded yet: use Grade customers….</source>
        <translation>还没有客户分级：请使用“客户分级…”。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2024-05-01</source>
        <translation>例如 2024-05-01</translation>
    </message>
    <message>
        <source>Pick a date from the calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
</context>
<context>
    <name>DeletedDialog</name>
    <message>
        <source>Deleted customers</source>
        <translation>已删除客户</translation>
    </message>
    <message>
        <source>Deleted customers leave the lists; their records, change history and contacts stay until they are purged. Restore brings one back as it was.</source>
        <translation>已删除的客户不再出现在列表中；其记录、变更历史和联系记录在彻底清除前都保留。“恢复”让客户原样回来。</translation>
    </message>
    <message>
        <source>Find a deleted customer by name, pinyin or phone</source>
        <translation>按姓名、拼音或电话查找已删除客户</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Bring the customer back into the lists, with the change history kept</source>
        <translation>让客户回到列表中，变更历史保留</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>No deleted customer matches.</source>
        <translation>没有相符的已删除客户。</translation>
    </message>
    <message>
        <source>There are no deleted customers.</source>
        <translation>没有已删除的客户。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>A demo archive holds 1 to {most} customers; {count} was asked for.</source>
        <translation>演示档案可包含 1 至 {most} 位客户，而请求的是 {count} 位。</translation>
    </message>
    <message>
        <source>Writing customers…</source>
        <translation>正在写入客户…</translation>
    </message>
</context>
<context>
    <name>DimensionCombo</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>Due</name>
    <message>
        <source>Care call</source>
        <translation>关怀电话</translation>
    </message>
    <message>
        <source>Complaint follow-up</source>
        <translation>抱怨跟进</translation>
    </message>
    <message>
        <source>value tier {tier}: visit every {days} days</source>
        <translation>{tier}类客户：每{days}天拜访一次</translation>
    </message>
    <message>
        <source>value tier {tier}: call every {days} days</source>
        <translation>{tier}类客户：每{days}天电话联系一次</translation>
    </message>
    <message>
        <source>visit every {days} days</source>
        <translation>每{days}天拜访一次</translation>
    </message>
    <message>
        <source>contact every {days} days</source>
        <translation>每{days}天联系一次</translation>
    </message>
    <message>
        <source> (never visited)</source>
        <translation>（从未拜访）</translation>
    </message>
    <message>
        <source> (never contacted)</source>
        <translation>（从未联系）</translation>
    </message>
    <message>
        <source>opportunity grade {grade}: track every day</source>
        <translation>商机{grade}级：每天追踪</translation>
    </message>
    <message>
        <source>opportunity grade {grade}: track every {days} days</source>
        <translation>商机{grade}级：每{days}天追踪一次</translation>
    </message>
    <message>
        <source>next contact set for {date}</source>
        <translation>约定下次联系日期 {date}</translation>
    </message>
    <message>
        <source>Regular visit (value tier {tier})</source>
        <translation>定期拜访（{tier}类客户）</translation>
    </message>
    <message>
        <source>Follow up (opportunity grade {grade})</source>
        <translation>跟进（商机{grade}级）</translation>
    </message>
    <message>
        <source>Regular visit</source>
        <translation>定期拜访</translation>
    </message>
    <message>
        <source>Regular call</source>
        <translation>定期电话联系</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>手动加入</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>101 follow-up: {action} (owner {owner})</source>
        <translation>101跟进：{action}（负责人 {owner}）</translation>
    </message>
    <message>
        <source>value tier {tier}: market news every {days} days</source>
        <translation>{tier}类客户：每{days}天通报市场货源信息</translation>
    </message>
    <message>
        <source>A-tier service: {senior}&apos;s monthly call, last on {date}</source>
        <translation>A类客户服务：{senior}每月电话沟通，上次 {date}</translation>
    </message>
    <message>
        <source>A-tier service: {senior}&apos;s monthly call (not called yet)</source>
        <translation>A类客户服务：{senior}每月电话沟通（尚未通话）</translation>
    </message>
    <message>
        <source> — with {name}</source>
        <translation> — 与{name}</translation>
    </message>
    <message>
        <source>complaint of {date} ({category}) overdue since {due}</source>
        <translation>{date} 的抱怨（{category}）自 {due} 起逾期未解决</translation>
    </message>
    <message>
        <source>complaint of {date} ({category}) to resolve by {due}</source>
        <translation>{date} 的抱怨（{category}）须在 {due} 前解决</translation>
    </message>
    <message>
        <source>complaint of {date} ({category}) resolved: confirm with the customer</source>
        <translation>{date} 的抱怨（{category}）已解决：与客户确认满意度</translation>
    </message>
</context>
<context>
    <name>DueListDialog</name>
    <message>
        <source>Print the due list</source>
        <translation>打印到期客户清单</translation>
    </message>
    <message>
        <source>Who is due from {start} to {end} ({manager})</source>
        <translation>{start} 至 {end} 到期的客户（{manager}）</translation>
    </message>
    <message>
        <source>all managers</source>
        <translation>全部客户经理</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>List who is due in these days (F5)</source>
        <translation>列出这些天内应联系的客户（F5）</translation>
    </message>
    <message>
        <source>Pla&amp;n these visits…</source>
        <translation>安排这些拜访(&amp;N)…</translation>
    </message>
    <message>
        <source>Make a visit plan for these days from the visits due</source>
        <translation>用应拜访的客户为这些天制定拜访计划</translation>
    </message>
    <message>
        <source>Print tracking &amp;log…</source>
        <translation>打印客户追踪志(&amp;L)…</translation>
    </message>
    <message>
        <source>The tracking log of an opportunity grade: A daily, B weekly, C half-monthly, D monthly</source>
        <translation>按商机等级打印客户追踪志：A 追踪日志、B 周志、C 半月志、D 月志</translation>
    </message>
    <message>
        <source>Print &amp;due list…</source>
        <translation>打印到期清单(&amp;D)…</translation>
    </message>
    <message>
        <source>Print who is due in these days, visits and calls</source>
        <translation>打印这几天应拜访、应致电的客户</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>客户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>The last day is before the first; choose a later last day.</source>
        <translation>结束日期早于开始日期，请选择更晚的结束日期。</translation>
    </message>
    <message>
        <source>Printed to {path}</source>
        <translation>已打印到 {path}</translation>
    </message>
    <message>
        <source>Finding who is due…</source>
        <translation>正在查找应联系的客户…</translation>
    </message>
    <message>
        <source>{start} to {end}: {overdue} overdue; ranked most urgent first (overdue value tier A, then overdue or tier A, then the rest).</source>
        <translation>{start} 至 {end}：{overdue} 位已逾期；按紧急程度排序（先是逾期的A类客户，其次是逾期或A类客户，然后是其余客户）。</translation>
    </message>
    <message>
        <source>&amp;Visits due ({count})</source>
        <translation>应拜访(&amp;V)（{count}）</translation>
    </message>
    <message>
        <source>&amp;Calls due ({count}): by phone, SMS or online</source>
        <translation>应电话联系(&amp;C)（{count}）：电话、短信或线上</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Tier / grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应联系日</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>never visited</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same ID card</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>similar name, same birth date</source>
        <translation>姓名相近，出生日期相同</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管户经理</translation>
    </message>
    <message>
        <source>Other customer ID</source>
        <translation>另一客户编号</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>另一客户姓名</translation>
    </message>
    <message>
        <source>Other manager</source>
        <translation>另一客户管户经理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>疑似重复客户</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>The converted copy of {path} failed its check; nothing was changed.</source>
        <translation>{path} 转换后的副本未通过检查；未做任何更改。</translation>
    </message>
    <message>
        <source>The archive could not be converted: {error}. Nothing was changed.</source>
        <translation>档案无法转换：{error}。未做任何更改。</translation>
    </message>
    <message>
        <source>The archive {path} is already encrypted.</source>
        <translation>档案 {path} 已经加密。</translation>
    </message>
    <message>
        <source>The passphrase is empty. Type one to encrypt the archive.</source>
        <translation>密码为空。请输入密码以加密档案。</translation>
    </message>
    <message>
        <source>The archive {path} is not encrypted.</source>
        <translation>档案 {path} 未加密。</translation>
    </message>
    <message>
        <source>The archive {path} is not encrypted; encrypt it instead (Archive → Encrypt archive…).</source>
        <translation>档案 {path} 未加密；请改为加密它（档案 → 加密档案…）。</translation>
    </message>
    <message>
        <source>The new passphrase is empty. Type one.</source>
        <translation>新密码为空。请输入。</translation>
    </message>
    <message>
        <source>The passphrase could not be changed: {error}. The archive still opens with the old one.</source>
        <translation>密码无法修改：{error}。档案仍用旧密码打开。</translation>
    </message>
    <message>
        <source>The archive did not pass its check after the passphrase change. Restore the backup taken just before it (Archive → Restore from backup).</source>
        <translation>修改密码后档案未通过检查。请恢复修改前刚做的备份（档案 → 从备份恢复）。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Kehu</source>
        <translation>客户经营助手</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>出错了；没有保存任何内容。</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>{name} is not a picture that can be read ({error}); attach it as a photo in JPEG or PNG, or rename it if it is another kind of file.</source>
        <translation>{name} 不是可读取的图片（{error}）；请以 JPEG 或 PNG 照片附加，若是其他类型的文件请改正文件名后缀。</translation>
    </message>
    <message>
        <source>{name} is empty; nothing was attached.</source>
        <translation>{name} 是空文件，未附加任何内容。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; evidence may be at most {limit} MB. Take a smaller photo or shrink it first.</source>
        <translation>{name} 大小为 {size} MB，证据文件最大 {limit} MB。请拍一张较小的照片或先压缩。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>Evidence {id} is not in this archive.</source>
        <translation>本档案中没有证据 {id}。</translation>
    </message>
    <message>
        <source>{name} cannot be written: {error}</source>
        <translation>无法写入 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>EvidenceWidgets</name>
    <message>
        <source>Attach a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{count} records hold text damaged in the archive file; they were written with the unreadable bytes replaced by �. Check the archive (Archive → Check archive, or &apos;python main.py check&apos;) and restore a backup if it reports damage.</source>
        <translation>有 {count} 条记录的文字在档案文件中已损坏；导出时无法读取的字节已替换为 �。请检查档案（档案 → 检查档案，或 &apos;python main.py check&apos;），如报告损坏，请从备份恢复。</translation>
    </message>
    <message>
        <source>Kehu exports to .csv or .xlsx files, not &apos;{suffix}&apos;. Give the file name the ending .csv or .xlsx.</source>
        <translation>客户经营助手只能导出为 .csv 或 .xlsx 文件，不支持“{suffix}”。请将文件名的扩展名改为 .csv 或 .xlsx。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder. Give a file name to export to.</source>
        <translation>{path} 是一个文件夹。请给出要导出到的文件名。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing was exported; check the disk has space and the file is not open in another program.</source>
        <translation>无法写入 {path}：{reason}。未导出任何内容；请检查磁盘空间是否充足，以及该文件是否在其他程序中打开。</translation>
    </message>
    <message>
        <source>Exporting {count} customers (more than {limit}) needs a reason, which is kept in the audit trail. Give the reason and export again.</source>
        <translation>导出 {count} 位客户（超过 {limit} 位）需要填写原因，原因会记入审计日志。请填写原因后再导出。</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>&amp;CSV: opens in Excel, WPS and any spreadsheet</source>
        <translation>&amp;CSV：可用 Excel、WPS 等任何表格软件打开</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook (.xlsx)</source>
        <translation>Excel 工作簿(&amp;X)（.xlsx）</translation>
    </message>
    <message>
        <source>&amp;Every customer ({count})</source>
        <translation>全部客户(&amp;E)（{count}）</translation>
    </message>
    <message>
        <source>The customers in the current &amp;view ({count})</source>
        <translation>当前视图中的客户(&amp;V)（{count}）</translation>
    </message>
    <message>
        <source>Include &amp;sensitive fields (financial assets, property, risk appetite)</source>
        <translation>包含敏感字段（金融资产、房产、风险偏好）(&amp;S)</translation>
    </message>
    <message>
        <source>The file will hold each customer&apos;s financial-asset band, property band and risk appetite. Export them only when the work needs them, and keep the file safe.</source>
        <translation>文件将包含每位客户的金融资产档次、房产档次和风险偏好。只在工作确实需要时导出，并妥善保管文件。</translation>
    </message>
    <message>
        <source>e.g. year-end review for the branch</source>
        <translation>例如：网点年终核对</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>More than {limit} customers: say why they are exported. The reason is kept in the audit trail.</source>
        <translation>超过 {limit} 位客户：请说明导出原因，原因会记入审计日志。</translation>
    </message>
    <message>
        <source>customers-{date}</source>
        <translation>客户-{date}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换该文件？</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} 已存在。要替换吗？</translation>
    </message>
    <message>
        <source>Give a reason: more than {limit} customers are exported, and the reason is kept in the audit trail.</source>
        <translation>请填写原因：导出的客户超过 {limit} 位，原因会记入审计日志。</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
    <message>
        <source>Exported to {path} (customers: {count}).</source>
        <translation>已导出到 {path}（客户：{count}）。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消；没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Products held</source>
        <translation>持有产品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Potential amount</source>
        <translation>潜在需求金额</translation>
    </message>
    <message>
        <source>Own supply channel</source>
        <translation>自有渠道</translation>
    </message>
    <message>
        <source>Scarce resources</source>
        <translation>稀缺资源</translation>
    </message>
    <message>
        <source>Deal status</source>
        <translation>成交状态</translation>
    </message>
    <message>
        <source>Handle by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>KeyMan&apos;s role</source>
        <translation>关键人职务</translation>
    </message>
    <message>
        <source>KeyMan&apos;s phone</source>
        <translation>关键人电话</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建档</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>{year}</source>
        <comment>a birth date known only as a year</comment>
        <translation>{year}年</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A CSV file or an Excel .xlsx workbook with a row of column headers (CSV in UTF-8 or GBK, as Excel and WPS save it); titles above the headers are fine.</source>
        <translation>含一行列标题的 CSV 文件或 Excel .xlsx 工作簿（CSV 为 UTF-8 或 GBK，即 Excel、WPS 保存的格式）；标题行上方可以有表名。</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Customers: one row per customer</source>
        <translation>客户(&amp;C)：每行一位客户</translation>
    </message>
    <message>
        <source>&amp;Transactions: one row per purchase, with the customer&apos;s phone or number</source>
        <translation>交易(&amp;T)：每行一笔购买，含客户的手机号或客户编号</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>What the file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Tables ({patterns})</source>
        <translation>表格 ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>There is no file {path}. Choose the file with Browse.</source>
        <translation>文件 {path} 不存在。请点“浏览”选择文件。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by area</source>
        <translation>按区域筛选</translation>
    </message>
    <message>
        <source>Filter by area type</source>
        <translation>按商圈类型筛选</translation>
    </message>
    <message>
        <source>Filter by the manager in charge</source>
        <translation>按管户经理筛选</translation>
    </message>
    <message>
        <source>All area types</source>
        <translation>全部商圈类型</translation>
    </message>
    <message>
        <source>(no area type)</source>
        <translation>（无商圈类型）</translation>
    </message>
    <message>
        <source>Filter by segmentation codes: codes of one dimension are alternatives; different dimensions must all match</source>
        <translation>按细分代码筛选：同一维度的代码满足其一即可；不同维度须全部满足</translation>
    </message>
    <message>
        <source>Clear segment choices</source>
        <translation>清除细分选择</translation>
    </message>
    <message>
        <source>&amp;Red list only</source>
        <translation>只看红名单(&amp;R)</translation>
    </message>
    <message>
        <source>Customers without a usable phone number (红名单), for data clean-up</source>
        <translation>没有可用电话号码的客户（红名单），用于信息治理</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无客户经理）</translation>
    </message>
    <message>
        <source>Segments ({count})</source>
        <translation>客户细分（{count}）</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户细分</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Kehu demo.kehu</source>
        <translation>客户经营助手演示档案.kehu</translation>
    </message>
    <message>
        <source>Making the demo archive…</source>
        <translation>正在生成演示档案…</translation>
    </message>
    <message>
        <source>Your name is not set: changes are recorded as &apos;{login}&apos;. Set it under View → Preferences.</source>
        <translation>尚未设置您的姓名：修改将以“{login}”记录。请在 视图 → 偏好设置 中设置。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Kehu</source>
        <translation>欢迎使用客户经营助手</translation>
    </message>
    <message>
        <source>A few choices before you start; each can be changed later under View.</source>
        <translation>开始前请做几项选择；以后都可以在“视图”菜单中更改。</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>e.g. 王芳: needed to start</source>
        <translation>例如：王芳（必填）</translation>
    </message>
    <message>
        <source>Recorded as who made each change and logged each contact.</source>
        <translation>记录为每次修改和每次联系的经办人。</translation>
    </message>
    <message>
        <source>&amp;Import branch pack…</source>
        <translation>导入网点规则包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Branch rules:</source>
        <translation>网点规则：</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>从这里开始</translation>
    </message>
    <message>
        <source>A &amp;new, empty archive for my customers</source>
        <translation>为我的客户新建空档案(&amp;N)</translation>
    </message>
    <message>
        <source>The &amp;demo archive ({count} made-up customers) to look around</source>
        <translation>打开演示档案（{count} 个虚构客户）随便看看(&amp;D)</translation>
    </message>
    <message>
        <source>An &amp;existing archive file</source>
        <translation>打开已有的档案文件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>GradeColumns</name>
    <message>
        <source>✎ marks a grade set by hand.</source>
        <translation>✎ 表示手动设定的等级。</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分级</translation>
    </message>
    <message>
        <source>A/B/C as seed 002 defines them: the top 80% of the last 12 months, or scarce resources (A); medium size or above with its own channel or a large potential (B).</source>
        <translation>按客户营销方案分为A、B、C三类：近12个月贡献80%的客户或拥有稀缺资源的客户为A类；规模中等及以上、有自有渠道或潜在需求大的为B类。</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机等级</translation>
    </message>
    <message>
        <source>A-E from the need and the expected close.</source>
        <translation>根据需求和预计成交时间评为 A-E。</translation>
    </message>
    <message>
        <source>RFM type</source>
        <translation>RFM 类型</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <source>Next tracking</source>
        <translation>下次追踪</translation>
    </message>
    <message>
        <source>The last contact plus the opportunity grade&apos;s tracking cadence.</source>
        <translation>上次联系日期加上商机等级对应的追踪周期。</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>逾期（天）</translation>
    </message>
    <message>
        <source>Days since the next tracking date passed.</source>
        <translation>超过下次追踪日期的天数。</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失 (seed 000), from the transactions and contacts as of today (lifecycle.json).</source>
        <translation>潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失:按截至今天的交易和联系得出。</translation>
    </message>
    <message>
        <source>Deal status</source>
        <translation>成交状态</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>已成交 / 正在谈判 / 潜在 (seed 002)</source>
        <translation>已成交 / 正在谈判 / 潜在</translation>
    </message>
    <message>
        <source>From the potential amount: important from {amount}.</source>
        <translation>按潜在需求金额：{amount} 及以上为重要客户。</translation>
    </message>
    <message>
        <source>By when the customer must be handled (the handle-by date).</source>
        <translation>需要在何时之前处理该客户（处理期限）。</translation>
    </message>
    <message>
        <source>Large, medium or small (规模)</source>
        <translation>大型、中型或小型（规模）</translation>
    </message>
    <message>
        <source>Potential amount</source>
        <translation>潜在需求金额</translation>
    </message>
    <message>
        <source>Handle by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>The customer&apos;s decision maker (KeyMan)</source>
        <translation>客户中具有决策力的关键人物（KeyMan）</translation>
    </message>
</context>
<context>
    <name>GradeFilterButton</name>
    <message>
        <source>Filter by grades: values of one grade are alternatives; different grades must all match</source>
        <translation>按等级筛选：同一等级的取值满足其一即可；不同等级须全部满足</translation>
    </message>
    <message>
        <source>(not graded)</source>
        <translation>（未分级）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Tracking &amp;overdue</source>
        <translation>追踪已逾期(&amp;O)</translation>
    </message>
    <message>
        <source>Clear grade choices</source>
        <translation>清除等级选择</translation>
    </message>
    <message>
        <source>Grades ({count})</source>
        <translation>等级（{count}）</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
</context>
<context>
    <name>GradePanel</name>
    <message>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>手动设定…</translation>
    </message>
    <message>
        <source>Set this grade by hand, with a reason</source>
        <translation>手动设定此等级，并说明理由</translation>
    </message>
    <message>
        <source>Clear override</source>
        <translation>取消手动设定</translation>
    </message>
    <message>
        <source>Hand this grade back to the rules</source>
        <translation>把此等级交回规则计算</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>回答…</translation>
    </message>
    <message>
        <source>Grade the opportunity from the need and the expected close</source>
        <translation>根据需求和预计成交时间评定商机等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Grade history (newest first; ✎ set by hand)</source>
        <translation>等级历史（最新的在前；✎ 为手动设定）</translation>
    </message>
    <message>
        <source>Not graded yet</source>
        <translation>尚未分级</translation>
    </message>
    <message>
        <source>✎ set by hand</source>
        <translation>✎ 手动设定</translation>
    </message>
    <message>
        <source>As of {as_of} · set on {on} by {by}</source>
        <translation>基准日 {as_of} · {on} 由 {by} 设定</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>设定日期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>By</source>
        <translation>设定人</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基准日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Override cleared; the rules grade it again.</source>
        <translation>已取消手动设定；重新由规则分级。</translation>
    </message>
</context>
<context>
    <name>Grading</name>
    <message>
        <source>no transactions</source>
        <translation>无交易</translation>
    </message>
    <message>
        <source>not enough information</source>
        <translation>信息不足</translation>
    </message>
    <message>
        <source>no persona</source>
        <translation>无匹配客群</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分级</translation>
    </message>
    <message>
        <source>Opportunity grade</source>
        <translation>商机等级</translation>
    </message>
    <message>
        <source>RFM type</source>
        <translation>RFM 类型</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <source>Set to {value} by hand (the computed grade was {computed}): {reason}</source>
        <translation>手动设为 {value}（计算结果为 {computed}）：{reason}</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The total {basis} of all customers in the {days} days to {end} is zero, so every customer is tier {tier}.</source>
        <translation>截至 {end} 的 {days} 天内，全部客户的{basis}合计为零，因此所有客户都为 {tier} 类。</translation>
    </message>
    <message>
        <source>No transactions in the {days} days to {end}: tier {tier}.</source>
        <translation>截至 {end} 的 {days} 天内没有交易：{tier} 类。</translation>
    </message>
    <message>
        <source>The net {basis} in the {days} days to {end} is {amount}, not above zero: tier {tier}.</source>
        <translation>截至 {end} 的 {days} 天内，净{basis}为 {amount}，不大于零：{tier} 类。</translation>
    </message>
    <message>
        <source>{basis} {amount} in the {days} days to {end}, rank {rank} of {ranked}. Customers ranked above hold {before} of the total; up to here {cum}.</source>
        <translation>截至 {end} 的 {days} 天内{basis} {amount}，在 {ranked} 位中排第 {rank}。排在前面的客户占总量的 {before}；累计到此为 {cum}。</translation>
    </message>
    <message>
        <source>Tier {tier}: beyond the {cutoff} cut-off.</source>
        <translation>{tier} 类：超出 {cutoff} 的分界。</translation>
    </message>
    <message>
        <source>Tier {tier} takes customers until {cutoff} of the total is reached.</source>
        <translation>{tier} 类包含累计达到总量 {cutoff} 之前的客户。</translation>
    </message>
    <message>
        <source>{count} customers have this same amount and share the better tier.</source>
        <translation>有 {count} 位客户数额相同，共享较高的等级。</translation>
    </message>
    <message>
        <source>No scarce resources, and not of size medium or above with its own supply channel or a potential amount of at least {limit}.</source>
        <translation>没有稀缺资源，也不是规模中等及以上且有自有渠道或潜在需求金额至少 {limit} 的客户。</translation>
    </message>
    <message>
        <source>{basis} {amount} in the {days} days to {end}, rank {rank} of {ranked}, beyond the {cutoff} cut-off.</source>
        <translation>截至 {end} 的 {days} 天{basis} {amount}，排名 {rank}/{ranked}，在 {cutoff} 分界之外。</translation>
    </message>
    <message>
        <source>Little or no trade in the {days} days to {end} ({basis} {amount}).</source>
        <translation>截至 {end} 的 {days} 天内交易很少或没有（{basis} {amount}）。</translation>
    </message>
    <message>
        <source>Holds scarce resources the market cannot do without: tier {tier}.</source>
        <translation>拥有市场不可或缺的稀缺资源：{tier}类。</translation>
    </message>
    <message>
        <source>its own supply channel</source>
        <translation>自有供货渠道</translation>
    </message>
    <message>
        <source>a potential amount of {amount} (at least {limit})</source>
        <translation>潜在需求金额 {amount}（至少 {limit}）</translation>
    </message>
    <message>
        <source>Size {size}, with {reasons}: tier {tier}, a large customer not won yet.</source>
        <translation>规模{size}，{reasons}：{tier}类，尚未攻克的大客户。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>，且</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>No transactions in the {days} days to {end}, so no RFM type.</source>
        <translation>截至 {end} 的 {days} 天内没有交易，因此没有 RFM 类型。</translation>
    </message>
    <message>
        <source>R {r} days since the last transaction (score {rs}, {rh}), F {f} transactions (score {fs}, {fh}), M {m} (score {ms}, {mh}); a score of {high_from} or more is high.</source>
        <translation>R：距上次交易 {r} 天（得分 {rs}，{rh}），F：{f} 笔交易（得分 {fs}，{fh}），M：{m}（得分 {ms}，{mh}）；得分 {high_from} 及以上为高。</translation>
    </message>
    <message>
        <source>R {r} days since the last transaction ({rh}; mean {mr:.1f}), F {f} transactions ({fh}; mean {mf:.1f}), M {m} ({mh}; mean {mm}).</source>
        <translation>R：距上次交易 {r} 天（{rh}；平均 {mr:.1f}），F：{f} 笔交易（{fh}；平均 {mf:.1f}），M：{m}（{mh}；平均 {mm}）。</translation>
    </message>
    <message>
        <source>Type: {type}. Suggested: {action}</source>
        <translation>类型：{type}。建议：{action}</translation>
    </message>
    <message>
        <source>Only {known} of {total} dimensions are known ({min} needed): not enough information to match a persona.</source>
        <translation>{total} 个维度中只知道 {known} 个（至少需要 {min} 个）：信息不足，无法匹配客户画像。</translation>
    </message>
    <message>
        <source>Closest {persona}: only {matched} of {known} known dimensions match (score {score}); a persona needs a score above {min}: no persona.</source>
        <translation>最接近{persona}：已知 {known} 个维度中只有 {matched} 个相符（得分 {score}）；客群需要得分高于 {min}：无匹配客群。</translation>
    </message>
    <message>
        <source>Best match {persona}: {matched} of {known} known dimensions match (score {score}). Matched: {yes}. Not matched: {no}. Unknown: {unknown}.</source>
        <translation>最接近：{persona}，{known} 个已知维度中有 {matched} 个相符（得分 {score}）。相符：{yes}。不符：{no}。未知：{unknown}。</translation>
    </message>
    <message>
        <source>Equally close: {names}.</source>
        <translation>同样接近：{names}。</translation>
    </message>
    <message>
        <source>{need}, expected to close {close}{date}: grade {grade}.</source>
        <translation>{need}，预计成交：{close}{date}，评为 {grade} 级。</translation>
    </message>
    <message>
        <source>Tracking: {cadence}; next tracking on {next}.</source>
        <translation>追踪：{cadence}；下次追踪 {next}。</translation>
    </message>
    <message>
        <source>No tracking.</source>
        <translation>不追踪。</translation>
    </message>
    <message>
        <source>Urgency: {urgency}.</source>
        <translation>缓急：{urgency}。</translation>
    </message>
    <message>
        <source>The grading rules file {file} cannot be used: {problem} Correct the file (or remove the branch&apos;s copy to use the defaults) and try again.</source>
        <translation>分级规则文件 {file} 无法使用：{problem} 请改正该文件（或删除网点自己的副本以使用默认规则）后重试。</translation>
    </message>
    <message>
        <source>the file is missing.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error}).</source>
        <translation>不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>value_tier.basis must be &quot;amount&quot; or &quot;volume&quot;.</source>
        <translation>value_tier.basis 必须是 &quot;amount&quot; 或 &quot;volume&quot;。</translation>
    </message>
    <message>
        <source>value_tier.cutoffs need rising shares between 0 and 1.</source>
        <translation>value_tier.cutoffs 需要 0 到 1 之间递增的比例。</translation>
    </message>
    <message>
        <source>value_tier tiers must have different names.</source>
        <translation>value_tier 的各等级名称必须不同。</translation>
    </message>
    <message>
        <source>value_tier: &quot;{tier}&quot; is not one of the tiers.</source>
        <translation>value_tier：“{tier}”不是其中的等级。</translation>
    </message>
    <message>
        <source>rfm.method must be &quot;mean&quot; or &quot;quintile&quot;.</source>
        <translation>rfm.method 必须是 &quot;mean&quot; 或 &quot;quintile&quot;。</translation>
    </message>
    <message>
        <source>rfm.quintile_high_from must be a score from 1 to 5.</source>
        <translation>rfm.quintile_high_from 必须是 1 到 5 的分数。</translation>
    </message>
    <message>
        <source>rfm.types must name each of the 8 high/low combinations once.</source>
        <translation>rfm.types 必须对 8 种高/低组合各列一次。</translation>
    </message>
    <message>
        <source>opportunity.grades has no grade with a cadence for need &quot;{need}&quot; and close &quot;{close}&quot;.</source>
        <translation>opportunity.grades 中没有为需求 &quot;{need}&quot; 和成交 &quot;{close}&quot; 设定带追踪周期的等级。</translation>
    </message>
    <message>
        <source>opportunity needs &quot;needs&quot;, &quot;closes&quot; and &quot;urgency&quot;.</source>
        <translation>opportunity 需要 &quot;needs&quot;、&quot;closes&quot; 和 &quot;urgency&quot;。</translation>
    </message>
    <message>
        <source>persona &quot;{persona}&quot; uses &quot;{dimension}&quot;, which is not a dimension.</source>
        <translation>客户画像 &quot;{persona}&quot; 使用了 &quot;{dimension}&quot;，但它不是一个维度。</translation>
    </message>
    <message>
        <source>persona &quot;{persona}&quot;: {code} is not a value of {dimension}.</source>
        <translation>客户画像 &quot;{persona}&quot;：{code} 不是 {dimension} 的取值。</translation>
    </message>
    <message>
        <source>personas need at least one persona and distinct keys.</source>
        <translation>personas 至少需要一个画像，且键不能重复。</translation>
    </message>
    <message>
        <source>the personas name no dimension codes.</source>
        <translation>各客户画像没有列出任何维度代码。</translation>
    </message>
    <message>
        <source>target_personas names unknown personas: {names}.</source>
        <translation>target_personas 中有未知的画像：{names}。</translation>
    </message>
    <message>
        <source>persona.min_score_above must be at least 0 and below 1.</source>
        <translation>persona.min_score_above 必须大于等于 0 且小于 1。</translation>
    </message>
    <message>
        <source>importance.values must name &quot;important&quot; and &quot;not_important&quot;.</source>
        <translation>importance.values 必须列出“important”和“not_important”。</translation>
    </message>
    <message>
        <source>window_days must be at least 1.</source>
        <translation>window_days 至少为 1。</translation>
    </message>
    <message>
        <source>an entry is missing or has the wrong type ({error}).</source>
        <translation>有条目缺失或类型不对（{error}）。</translation>
    </message>
    <message>
        <source>the grading rules</source>
        <translation>分级规则</translation>
    </message>
    <message>
        <source>{count} customers were removed while the grades were worked out; nothing was written. Grade again.</source>
        <translation>计算分级期间有 {count} 位客户被删除；未写入任何内容。请重新分级。</translation>
    </message>
    <message>
        <source>Customer {id} does not exist (or was deleted); check the number.</source>
        <translation>客户 {id} 不存在（或已删除）；请核对编号。</translation>
    </message>
    <message>
        <source>&apos;{need}&apos; is not an answer for the need; use one of: {choices}.</source>
        <translation>“{need}”不是有效的需求回答；请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>&apos;{close}&apos; is not an expected close; use one of: {choices}, or a date.</source>
        <translation>“{close}”不是有效的预计成交时间；请使用以下之一：{choices}，或一个日期。</translation>
    </message>
    <message>
        <source>The expected close date {date} is before {as_of}; give a later date.</source>
        <translation>预计成交日期 {date} 早于 {as_of}；请给出更晚的日期。</translation>
    </message>
    <message>
        <source>Only the computed grades (value tier, RFM type, persona) can be overridden; the opportunity grade comes from the manager&apos;s answers.</source>
        <translation>只有计算出的等级（价值分级、RFM 类型、客户画像）可以手动设定；商机等级来自客户经理的回答。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a value of this grade; use one of: {choices}.</source>
        <translation>“{value}”不是此等级的取值；请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>Give a reason for overriding the computed grade; it is kept in the grade history.</source>
        <translation>请给出手动设定的理由；理由会保存在等级历史中。</translation>
    </message>
    <message>
        <source>There is no area named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的区域。</translation>
    </message>
    <message>
        <source>No customer has the manager &apos;{name}&apos;.</source>
        <translation>没有客户的客户经理是“{name}”。</translation>
    </message>
    <message>
        <source>&apos;{scope}&apos; is not a scope; use all, ungraded, area:NAME, manager:NAME or older:DAYS.</source>
        <translation>“{scope}”不是有效的范围；请使用 all、ungraded、area:区域名、manager:客户经理名 或 older:天数。</translation>
    </message>
</context>
<context>
    <name>GradingWizard</name>
    <message>
        <source>There is no saved view named &apos;{name}&apos;; choose another scope.</source>
        <translation>没有名为“{name}”的已保存视图；请选择其他范围。</translation>
    </message>
    <message>
        <source>Reading customers and transactions…</source>
        <translation>正在读取客户和交易…</translation>
    </message>
    <message>
        <source>Working out value tiers, RFM types and personas…</source>
        <translation>正在计算价值分级、RFM 类型和客户画像…</translation>
    </message>
    <message>
        <source>Comparing with the grades in the archive…</source>
        <translation>正在与档案中的等级比较…</translation>
    </message>
    <message>
        <source>Ordering the customers…</source>
        <translation>正在排列客户…</translation>
    </message>
    <message>
        <source>Writing the opportunity grades…</source>
        <translation>正在写入商机等级…</translation>
    </message>
    <message>
        <source>Grade customers</source>
        <translation>客户分级</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand customers over</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <source>a manager&apos;s name</source>
        <translation>管户经理姓名</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无管户经理）</translation>
    </message>
    <message>
        <source>{count} customers of {name} go to the manager you name. Each customer&apos;s history and the audit trail record the hand-over.</source>
        <translation>{name}名下的 {count} 位客户将移交给您指定的管户经理。每位客户的变更记录和审计记录都会记下这次移交。</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>移交(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;To manager:</source>
        <translation>接管经理(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Customer number (ignored)</source>
        <translation>客户编号（忽略）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Manager in charge</source>
        <translation>管户经理</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date created</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Products held</source>
        <translation>持有产品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Potential amount</source>
        <translation>潜在需求金额</translation>
    </message>
    <message>
        <source>Own supply channel</source>
        <translation>自有渠道</translation>
    </message>
    <message>
        <source>Scarce resources</source>
        <translation>稀缺资源</translation>
    </message>
    <message>
        <source>Deal status</source>
        <translation>成交状态</translation>
    </message>
    <message>
        <source>Handle by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>KeyMan&apos;s role</source>
        <translation>关键人职务</translation>
    </message>
    <message>
        <source>KeyMan&apos;s phone</source>
        <translation>关键人电话</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>The column mapping must map each header to a field name (or null to leave the column out).</source>
        <translation>列对应必须把每个表头对应到一个字段名（或 null 表示不导入该列）。</translation>
    </message>
    <message>
        <source>The column mapping names fields that do not exist: {bad}. Fields are: {fields}.</source>
        <translation>列对应中有不存在的字段：{bad}。可用的字段有：{fields}。</translation>
    </message>
    <message>
        <source>Two columns are mapped to the same field {field}: {first} and {second}. Map only one of them.</source>
        <translation>两列对应到了同一个字段 {field}：{first} 和 {second}。请只保留其中一列。</translation>
    </message>
    <message>
        <source>The header row is counted from 1.</source>
        <translation>列标题行从第 1 行起计数。</translation>
    </message>
    <message>
        <source>A totals row ({cell}), not a record.</source>
        <translation>合计行（{cell}），不是客户记录。</translation>
    </message>
    <message>
        <source>A note ({cell}), not a record.</source>
        <translation>说明（{cell}），不是客户记录。</translation>
    </message>
    <message>
        <source>the customer (a phone or customer number column)</source>
        <translation>客户（手机或客户编号列）</translation>
    </message>
    <message>
        <source>The file has no column for {wanted}. Its columns are: {columns}. Rename the header, or map the column to a field (in the import window, or with --mapping FILE.json).</source>
        <translation>文件中没有“{wanted}”列。文件的列为：{columns}。请修改表头，或把某一列对应到该字段（在导入窗口中，或用 --mapping FILE.json）。</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <source>A customer with this phone number is already in the archive.</source>
        <translation>档案中已有使用此手机号码的客户。</translation>
    </message>
    <message>
        <source>Same phone number as row {row}.</source>
        <translation>与第 {row} 行手机号码相同。</translation>
    </message>
    <message>
        <source>A customer with the same name and birth date (or, without one, the same address and area) and no phone is already in the archive.</source>
        <translation>档案中已有姓名和出生日期相同（无出生日期时为地址和区域相同）且没有电话的客户。</translation>
    </message>
    <message>
        <source>None of the column headers is recognised ({columns}), so this does not look like a table of {kind}. The header row must hold headers such as 姓名, 手机, 地址 (name, phone, address): choose the row that holds them (the preview&apos;s header row, or --header-row N), or map other headers to fields in the import window or with --mapping FILE.json.</source>
        <translation>没有一个列标题能识别（{columns}），这看起来不是{kind}表格。列标题所在行必须有 姓名、手机、地址 这样的表头：请选择表头所在的行（预览页的“列标题所在行”，或 --header-row N），或在导入窗口中或用 --mapping FILE.json 把其他表头对应到字段。</translation>
    </message>
    <message>
        <source>The last visit {date} is in the future.</source>
        <translation>上次拜访日期 {date} 在今天之后。</translation>
    </message>
    <message>
        <source>Same name and birth date (or, without one, the same address and area) as row {row}, and no phone.</source>
        <translation>与第 {row} 行姓名和出生日期相同（无出生日期时为地址和区域相同），且没有电话。</translation>
    </message>
    <message>
        <source>Writing to the archive…</source>
        <translation>正在写入档案…</translation>
    </message>
    <message>
        <source>last visit, from the imported file</source>
        <translation>上次拜访（来自导入文件）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a customer number.</source>
        <translation>“{value}”不是客户编号。</translation>
    </message>
    <message>
        <source>There is no customer number {number} in the archive.</source>
        <translation>档案中没有客户编号 {number}。</translation>
    </message>
    <message>
        <source>No customer in the archive has the phone number {phone}; import the customer first.</source>
        <translation>档案中没有手机号码为 {phone} 的客户；请先导入该客户。</translation>
    </message>
    <message>
        <source>{count} customers have the phone number {phone}; give the customer number instead.</source>
        <translation>有 {count} 位客户使用手机号码 {phone}；请改填客户编号。</translation>
    </message>
    <message>
        <source>The row names no customer: give a phone number or a customer number.</source>
        <translation>此行没有指明客户：请填写手机号码或客户编号。</translation>
    </message>
    <message>
        <source>A transaction needs a date.</source>
        <translation>交易必须有日期。</translation>
    </message>
    <message>
        <source>A transaction needs an amount.</source>
        <translation>交易必须有金额。</translation>
    </message>
    <message>
        <source>This transaction was already imported.</source>
        <translation>这笔交易已经导入过。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The list of rejected rows could not be written to {path}: {error}. Choose another place for it.</source>
        <translation>无法把被拒绝的行写入 {path}：{error}。请换一个保存位置。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>The file {path} cannot be opened: {error}</source>
        <translation>无法打开文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{path} is an old Excel .xls file or a password-protected workbook. Open it in Excel or WPS, remove any password and save it as .xlsx or CSV, then import that.</source>
        <translation>{path} 是旧版 Excel .xls 文件或带密码的工作簿。请用 Excel 或 WPS 打开，去掉密码并另存为 .xlsx 或 CSV，再导入。</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} 是空的。</translation>
    </message>
    <message>
        <source>{path} has no row {row}.</source>
        <translation>{path} 没有第 {row} 行。</translation>
    </message>
    <message>
        <source>{path} is not a regular table: line {line} has more cells than the header. Every row needs the same columns as the header row; check for stray separators or quotes, or choose the row that holds the headers.</source>
        <translation>{path} 不是规整的表格：第 {line} 行的单元格比标题行多。每一行的列数都应与标题行相同；请检查多余的分隔符或引号，或选择列标题所在的行。</translation>
    </message>
    <message>
        <source>{path} is not a regular table: {problem}. Every row needs the same columns as the header row; check for stray separators or quotes.</source>
        <translation>{path} 不是规整的表格：{problem}。每一行的列都必须与表头一致；请检查多余的分隔符或引号。</translation>
    </message>
    <message>
        <source>{path} is not a text table in a known encoding (UTF-8, UTF-16, GBK or GB18030). Save it from the spreadsheet as CSV (UTF-8) or as .xlsx and import that.</source>
        <translation>{path} 不是已知编码（UTF-8、UTF-16、GBK 或 GB18030）的文本表格。请在表格软件中另存为 CSV（UTF-8）或 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>line {line} has {saw} cells where the header has {expected}</source>
        <translation>第 {line} 行有 {saw} 个单元格，而表头有 {expected} 个</translation>
    </message>
    <message>
        <source>{path} is not a table (it is not a CSV text file or an .xlsx workbook). Save the list from the spreadsheet as CSV or .xlsx and import that.</source>
        <translation>{path} 不是表格（既不是 CSV 文本文件，也不是 .xlsx 工作簿）。请在表格软件中把名单另存为 CSV 或 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>{path} cannot be read as an .xlsx workbook (it may be damaged, or not really an Excel file). Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
        <translation>{path} 无法作为 .xlsx 工作簿读取（可能已损坏，或并不是 Excel 文件）。请用 Excel 或 WPS 打开，重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{path} has no header row.</source>
        <translation>{path} 没有表头行。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers or transactions</source>
        <translation>导入客户或交易</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The rows are written in one step: if the import is cancelled or fails, the archive stays as it was.</source>
        <translation>各行一次性写入：如果导入被取消或失败，档案保持原样。</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open the rejects file</source>
        <translation>打开被拒绝行文件(&amp;O)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Customers imported: {count}</source>
        <translation>已导入客户：{count}</translation>
    </message>
    <message>
        <source>Transactions imported: {count}</source>
        <translation>已导入交易：{count}</translation>
    </message>
    <message>
        <source>Rows read below the headers: {count}</source>
        <translation>列标题下方读取的行数：{count}</translation>
    </message>
    <message>
        <source>Rejected, not imported: {count}</source>
        <translation>被拒绝、未导入：{count}</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows were rejected (rejected: {count}) and you chose all or nothing. Correct them (the reasons are in the rejects file) and import the file again.</source>
        <translation>没有导入任何内容：有些行被拒绝（被拒绝：{count}），而您选择了“全部或不导入”。请改正这些行（原因见被拒绝行文件）后重新导入。</translation>
    </message>
    <message>
        <source>Duplicates skipped: {count}</source>
        <translation>跳过的重复：{count}</translation>
    </message>
    <message>
        <source>Not records (totals, notes), skipped: {count}</source>
        <translation>非客户记录（合计、说明），已跳过：{count}</translation>
    </message>
    <message>
        <source>Rejected rows: {path}</source>
        <translation>被拒绝的行：{path}</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>没有导入任何内容：{reason}</translation>
    </message>
    <message>
        <source>Nothing was imported; the archive is as it was.</source>
        <translation>没有导入任何内容；档案保持原样。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported; the archive is as it was.</source>
        <translation>导入已取消。没有导入任何内容；档案保持原样。</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>weight {weight}</source>
        <translation>权重 {weight}</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Note (what was seen)</source>
        <translation>备注（现场所见）</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附加证据…</translation>
    </message>
    <message>
        <source>Attach a photo or a file as evidence</source>
        <translation>附加照片或文件作为证据</translation>
    </message>
    <message>
        <source>{name}: click to take it off</source>
        <translation>{name}：点击移除</translation>
    </message>
</context>
<context>
    <name>KaDialogs</name>
    <message>
        <source>ka-dossier-{name}</source>
        <translation>重点客户档案-{name}</translation>
    </message>
    <message>
        <source>store-check-{date}</source>
        <translation>门店检查-{date}</translation>
    </message>
</context>
<context>
    <name>KaPrintDialog</name>
    <message>
        <source>Print the KA dossier</source>
        <translation>打印重点客户档案</translation>
    </message>
    <message>
        <source>&amp;Year of the volume:</source>
        <translation>销量年份(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>KeyAccounts</name>
    <message>
        <source>No tier reached</source>
        <translation>未达到奖励档次</translation>
    </message>
    <message>
        <source>{reached} (the top tier)</source>
        <translation>{reached}（最高档）</translation>
    </message>
    <message>
        <source>{reached}; {missing} {unit} missing for {next}</source>
        <translation>{reached}；还差 {missing} {unit}达到{next}</translation>
    </message>
    <message>
        <source>The reward rules file {file} cannot be used: {problem} Correct the file, or restore the one the program ships.</source>
        <translation>奖励规则文件 {file} 无法使用：{problem} 请改正该文件，或恢复程序自带的文件。</translation>
    </message>
    <message>
        <source>{what} must be a positive number, not {value}.</source>
        <translation>{what}必须是正数，而不是 {value}。</translation>
    </message>
    <message>
        <source>it has no &quot;rewards&quot; section.</source>
        <translation>其中没有“rewards”部分。</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error}).</source>
        <translation>它不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>it needs a list of tiers.</source>
        <translation>它需要一个奖励档次列表（tiers）。</translation>
    </message>
    <message>
        <source>tier {n} has no key.</source>
        <translation>第 {n} 个档次没有 key。</translation>
    </message>
    <message>
        <source>two tiers have the key {key}.</source>
        <translation>有两个档次的 key 都是 {key}。</translation>
    </message>
    <message>
        <source>tier {key} has no label.</source>
        <translation>档次 {key} 没有名称。</translation>
    </message>
    <message>
        <source>The threshold of tier {key}</source>
        <translation>档次 {key} 的门槛</translation>
    </message>
    <message>
        <source>The value of tier {key}</source>
        <translation>档次 {key} 的价值</translation>
    </message>
    <message>
        <source>the thresholds must rise from tier to tier; {key} ({value}) is not above {previous} ({before}).</source>
        <translation>门槛必须逐档递增；{key}（{value}）不高于 {previous}（{before}）。</translation>
    </message>
    <message>
        <source>ranking_size must be a whole number of at least 1.</source>
        <translation>ranking_size 必须是不小于 1 的整数。</translation>
    </message>
    <message>
        <source>period must be &quot;year&quot;.</source>
        <translation>period 必须是 &quot;year&quot;。</translation>
    </message>
    <message>
        <source>National KA</source>
        <translation>全国性KA</translation>
    </message>
    <message>
        <source>Regional KA</source>
        <translation>地区性KA</translation>
    </message>
    <message>
        <source>Account manager (Manager)</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customer service (Service)</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <source>Operations (Operation)</source>
        <translation>客户运作</translation>
    </message>
    <message>
        <source>Merchandiser</source>
        <translation>生动化执行</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>陈列</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Point-of-sale material</source>
        <translation>售点物料</translation>
    </message>
    <message>
        <source>Shopper guidance</source>
        <translation>导购</translation>
    </message>
    <message>
        <source>A key account needs a name.</source>
        <translation>重点客户需要名称。</translation>
    </message>
    <message>
        <source>Choose whether the account is a national or a regional KA.</source>
        <translation>请选择该客户是全国性KA还是地区性KA。</translation>
    </message>
    <message>
        <source>There is already a key account named {name}.</source>
        <translation>已经有名为 {name} 的重点客户。</translation>
    </message>
    <message>
        <source>Key account {id} is not in this archive; &apos;python main.py ka PATH&apos; lists them.</source>
        <translation>档案中没有编号为 {id} 的重点客户；&apos;python main.py ka PATH&apos; 可列出所有重点客户。</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>A store needs a name.</source>
        <translation>门店需要名称。</translation>
    </message>
    <message>
        <source>A store needs its code (the chain&apos;s store number).</source>
        <translation>门店需要编号（连锁的门店编号）。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>经度和纬度要么都填，要么都不填。</translation>
    </message>
    <message>
        <source>A region sits directly under the head office; leave its parent empty.</source>
        <translation>大区直属总部，上级请留空。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a store (门店) nor a region (大区).</source>
        <translation>“{value}”既不是门店也不是大区。</translation>
    </message>
    <message>
        <source>This store is no longer in the archive.</source>
        <translation>这家门店已不在档案中。</translation>
    </message>
    <message>
        <source>There is no region with the code {code} in this account.</source>
        <translation>该客户中没有编号为 {code} 的大区。</translation>
    </message>
    <message>
        <source>The code {code} is already used in this account.</source>
        <translation>编号 {code} 在该客户中已被使用。</translation>
    </message>
    <message>
        <source>This region still has stores; move them to another region first.</source>
        <translation>这个大区下还有门店；请先把门店移到其他大区。</translation>
    </message>
    <message>
        <source>The region {name} still has stores; delete them or move them to another region first.</source>
        <translation>大区 {name} 下还有门店；请先删除这些门店或把它们移到其他大区。</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>联系人需要姓名。</translation>
    </message>
    <message>
        <source>The store is not one of this account&apos;s.</source>
        <translation>这家门店不属于该客户。</translation>
    </message>
    <message>
        <source>This contact is no longer in the archive.</source>
        <translation>这位联系人已不在档案中。</translation>
    </message>
    <message>
        <source>&apos;{role}&apos; is not a role of the KA team.</source>
        <translation>“{role}”不是KA团队的角色。</translation>
    </message>
    <message>
        <source>A key account has one account manager; name the others under service, operation or merchandiser.</source>
        <translation>一个重点客户只有一位客户经理；其他人请填在客户服务、客户运作或生动化执行中。</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Choose what is committed: display, promotion, point-of-sale material or shopper guidance.</source>
        <translation>请选择承诺类别：陈列、促销、售点物料或导购。</translation>
    </message>
    <message>
        <source>Describe what is committed (e.g. &apos;end cap at the entrance, 2 m&apos;).</source>
        <translation>请写明承诺的内容（例如“入口端架，2米”）。</translation>
    </message>
    <message>
        <source>The commitment ends before it starts.</source>
        <translation>承诺的截止日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose one of this account&apos;s stores, or all stores.</source>
        <translation>请选择该客户的一家门店，或所有门店。</translation>
    </message>
    <message>
        <source>Give the period: a year (2026), a quarter (2026-Q3) or a month (2026-07).</source>
        <translation>请填写期间：年（2026）、季度（2026-Q3）或月（2026-07）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a period: write a year (2026), a quarter (2026-Q3) or a month (2026-07).</source>
        <translation>“{value}”不是期间：请写成年（2026）、季度（2026-Q3）或月（2026-07）。</translation>
    </message>
    <message>
        <source>The {what} cannot be negative.</source>
        <translation>{what}不能为负数。</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The file has no column for the store&apos;s {fields}. Its columns are: {columns}. The first row must hold headers such as 门店编号, 门店名称, 类型, 所属大区 (code, name, type, parent region).</source>
        <translation>文件中没有门店的{fields}列。它的列是：{columns}。第一行必须是表头，例如 门店编号、门店名称、类型、所属大区。</translation>
    </message>
    <message>
        <source>The code {code} is already in this account.</source>
        <translation>编号 {code} 已在该客户中。</translation>
    </message>
    <message>
        <source>{column}: the code {code} is used twice (row {row} has it too).</source>
        <translation>{column}：编号 {code} 重复（第 {row} 行也用了它）。</translation>
    </message>
    <message>
        <source>{column}: {code} is a store, not a region; a store sits under a region or directly under the head office.</source>
        <translation>{column}：{code} 是门店而不是大区；门店只能属于大区或直属总部。</translation>
    </message>
    <message>
        <source>{column}: there is no region {code} in this account or in the file (add the region as a row of type 大区, or leave the cell empty).</source>
        <translation>{column}：该客户和文件中都没有大区 {code}（请把该大区作为类型为“大区”的一行加入，或把此格留空）。</translation>
    </message>
    <message>
        <source>The file needs a period column and a volume or target column. Its columns are: {columns}. Use headers such as 期间, 销量, 目标 (period, volume, target).</source>
        <translation>文件需要一个期间列，以及销量列或目标列。它的列是：{columns}。请使用 期间、销量、目标 这样的表头。</translation>
    </message>
    <message>
        <source>The row has neither a volume nor a target.</source>
        <translation>这一行既没有销量也没有目标。</translation>
    </message>
    <message>
        <source>{column}: the period {period} is given twice (row {row} has it too).</source>
        <translation>{column}：期间 {period} 重复（第 {row} 行也有）。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>parent region</source>
        <translation>所属大区</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Volume {year}</source>
        <translation>{year}年销量</translation>
    </message>
    <message>
        <source>{volume} {unit} (target {target}, {share})</source>
        <translation>{volume} {unit}（目标 {target}，完成 {share}）</translation>
    </message>
    <message>
        <source>Reward tier reached</source>
        <translation>达到的奖励档次</translation>
    </message>
    <message>
        <source>{tier}: {reward}</source>
        <translation>{tier}：{reward}</translation>
    </message>
    <message>
        <source>Missing for the next tier</source>
        <translation>距下一档</translation>
    </message>
    <message>
        <source>{missing} {unit} missing for {tier} ({threshold} {unit})</source>
        <translation>还差 {missing} {unit}达到{tier}（{threshold} {unit}）</translation>
    </message>
    <message>
        <source>The top tier is reached.</source>
        <translation>已达到最高档。</translation>
    </message>
    <message>
        <source>rank {rank}</source>
        <translation>第 {rank} 名</translation>
    </message>
    <message>
        <source>{place}, in the {title}</source>
        <translation>{place}，入选{title}</translation>
    </message>
    <message>
        <source>Ranking {year}</source>
        <translation>{year}年排名</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel / format</source>
        <translation>渠道/业态</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>KeyMan</translation>
    </message>
    <message>
        <source>{name}, {role}, {phone}</source>
        <translation>{name}，{role}，{phone}</translation>
    </message>
    <message>
        <source>not marked yet</source>
        <translation>尚未标记</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>{stores} stores in {regions} regions</source>
        <translation>{regions} 个大区，{stores} 家门店</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No volume entered for {year}.</source>
        <translation>{year}年没有录入销量。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>{date} · {store} · checked by {checker} · score {score} ({compliant} compliant, {partly} partly, {not_compliant} not compliant, {not_checked} not checked)</source>
        <translation>{date} · {store} · 检查人 {checker} · 得分 {score}（符合 {compliant}，部分符合 {partly}，不符合 {not_compliant}，未检查 {not_checked}）</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Volume against target and reward tier</source>
        <translation>销量、目标与奖励档次</translation>
    </message>
    <message>
        <source>{tier} from {threshold} {unit}</source>
        <translation>{tier} {threshold} {unit}起</translation>
    </message>
    <message>
        <source>Tiers: {tiers}.</source>
        <translation>奖励档次：{tiers}。</translation>
    </message>
    <message>
        <source>KA team</source>
        <translation>KA团队</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>No one assigned yet.</source>
        <translation>尚未安排人员。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>尚无联系人。</translation>
    </message>
    <message>
        <source>head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>No stores yet.</source>
        <translation>尚无门店。</translation>
    </message>
    <message>
        <source>Merchandising commitments</source>
        <translation>生动化承诺</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>所有门店</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>No commitments yet.</source>
        <translation>尚无承诺。</translation>
    </message>
    <message>
        <source>Latest store checks ({shown} of {total})</source>
        <translation>最近的门店检查（共 {total} 次，列出 {shown} 次）</translation>
    </message>
    <message>
        <source>No store checks yet.</source>
        <translation>尚无门店检查。</translation>
    </message>
    <message>
        <source>KA dossier: {name}</source>
        <translation>重点客户档案：{name}</translation>
    </message>
    <message>
        <source>KA dossier</source>
        <translation>重点客户档案</translation>
    </message>
    <message>
        <source>{account} ({scope})</source>
        <translation>{account}（{scope}）</translation>
    </message>
    <message>
        <source>Checked by: ____________________    Store manager: ____________________    Date: ____________</source>
        <translation>检查人：____________________    店长：____________________    日期：____________</translation>
    </message>
    <message>
        <source>Store check: {store}</source>
        <translation>门店检查：{store}</translation>
    </message>
    <message>
        <source>Store check</source>
        <translation>门店检查</translation>
    </message>
</context>
<context>
    <name>KeyAccountsPage</name>
    <message>
        <source>Search key accounts (name, channel, head office)</source>
        <translation>搜索重点客户（名称、渠道、总部）</translation>
    </message>
    <message>
        <source>&amp;New key account…</source>
        <translation>新建重点客户(&amp;N)…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>No key accounts yet. A key account (KA) is a retail chain served at its head office: create one with New key account, then add its stores, contacts, team and commitments.</source>
        <translation>还没有重点客户。重点客户（KA）是直接在总部服务的零售连锁：用“新建重点客户”建立，再添加门店、联系人、团队和承诺。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Volume {year}</source>
        <translation>{year}年销量</translation>
    </message>
    <message>
        <source>Reward tier</source>
        <translation>奖励档次</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Delete key account</source>
        <translation>删除重点客户</translation>
    </message>
    <message>
        <source>Delete {name} with its stores, contacts, team, commitments, store checks and volumes?</source>
        <translation>删除 {name} 及其门店、联系人、团队、承诺、门店检查和销量？</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>No transaction yet.</source>
        <translation>尚无交易。</translation>
    </message>
    <message>
        <source>First transaction on {date}, within the last {months} months.</source>
        <translation>首笔交易在 {date},在最近 {months} 个月内。</translation>
    </message>
    <message>
        <source>No transaction since {date} (over {months} months) and no contact yet.</source>
        <translation>自 {date} 起没有交易(超过 {months} 个月),也从未联系过。</translation>
    </message>
    <message>
        <source>No transaction since {date} (over {months} months) and no contact since {contact}.</source>
        <translation>自 {date} 起没有交易(超过 {months} 个月),自 {contact} 起也没有联系。</translation>
    </message>
    <message>
        <source>The last 12 months&apos; amount, {recent}, is {share:.0f}% below the 12 months before ({previous}).</source>
        <translation>最近 12 个月的金额 {recent},比之前 12 个月({previous})低 {share:.0f}%。</translation>
    </message>
    <message>
        <source>No transaction since {date} (over {months} months).</source>
        <translation>自 {date} 起没有交易(超过 {months} 个月)。</translation>
    </message>
    <message>
        <source>Business only in the last 12 months ({recent}).</source>
        <translation>只在最近 12 个月有业务({recent})。</translation>
    </message>
    <message>
        <source>The last 12 months&apos; amount, {recent}, is {share:.0f}% above the 12 months before ({previous}).</source>
        <translation>最近 12 个月的金额 {recent},比之前 12 个月({previous})高 {share:.0f}%。</translation>
    </message>
    <message>
        <source>Steady business: {recent} in the last 12 months against {previous} the 12 months before.</source>
        <translation>业务稳定:最近 12 个月 {recent},之前 12 个月 {previous}。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Kehu is locked</source>
        <translation>客户经营助手已锁定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Passphrase of the archive</source>
        <translation>档案的密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open another archive…</source>
        <translation>打开其他档案(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>This archive is not encrypted: while Kehu is locked nobody can see it in this window, but anyone who can use this computer can still read its file. To protect it, give it a passphrase with Archive → Encrypt archive… after unlocking.</source>
        <translation>此档案未加密：锁定期间，本窗口中看不到任何内容，但能使用这台电脑的人仍可读取档案文件。如需保护，请在解锁后用“档案 → 加密档案…”为它设置密码。</translation>
    </message>
    <message>
        <source>Changes to a customer that were not saved yet are kept; the editor opens again with them when you unlock.</source>
        <translation>尚未保存的客户修改已保留；解锁后编辑窗口会带着这些修改重新打开。</translation>
    </message>
    <message>
        <source>Closing the archive…</source>
        <translation>正在关闭档案…</translation>
    </message>
    <message>
        <source>Kehu locked itself after {minutes} minutes without use. The archive {name} is closed and no customer is shown.</source>
        <translation>客户经营助手在 {minutes} 分钟无操作后已自动锁定。档案 {name} 已关闭，不显示任何客户。</translation>
    </message>
    <message>
        <source>The archive {name} is closed and no customer is shown.</source>
        <translation>档案 {name} 已关闭，不显示任何客户。</translation>
    </message>
    <message>
        <source>Enter the archive&apos;s passphrase to go on where you left off.</source>
        <translation>输入档案的密码，即可回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <source>Unlock to go on where you left off.</source>
        <translation>解锁后即可回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <source>Checking the passphrase and opening the archive…</source>
        <translation>正在核对密码并打开档案…</translation>
    </message>
    <message>
        <source>Opening the archive…</source>
        <translation>正在打开档案…</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>重试(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kehu</source>
        <translation>客户经营助手</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Circles &amp; activities</source>
        <translation>圈子与活动</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Key accounts</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>管户经理</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>档案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search: name, pinyin, phone digits, area</source>
        <translation>搜索：姓名、拼音、电话号码、区域</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>Search as you type ({keys}); Enter goes to the list, Esc clears</source>
        <translation>边输入边搜索（{keys}）；回车转到列表，Esc 清空</translation>
    </message>
    <message>
        <source>Deleted too</source>
        <translation>含已删除</translation>
    </message>
    <message>
        <source>The search also finds deleted customers: they show greyed, marked deleted; open one to restore it</source>
        <translation>搜索时也查找已删除的客户：灰色显示并标明“已删除”；打开即可恢复</translation>
    </message>
    <message>
        <source>Kehu — customer archive</source>
        <translation>客户经营助手 — 客户档案</translation>
    </message>
    <message>
        <source>Open the archive you work in, or create a new one.</source>
        <translation>打开您使用的档案，或新建一个档案。</translation>
    </message>
    <message>
        <source>&amp;New archive…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open archive…</source>
        <translation>打开档案(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent archives:</source>
        <translation>最近的档案：</translation>
    </message>
    <message>
        <source>No archive open</source>
        <translation>没有打开档案</translation>
    </message>
    <message>
        <source>{name} — Kehu</source>
        <translation>{name} — 客户经营助手</translation>
    </message>
    <message>
        <source>{total} customers</source>
        <translation>{total} 位客户</translation>
    </message>
    <message>
        <source>{shown} of {total} customers</source>
        <translation>{shown} / {total} 位客户</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <source>Quit Kehu</source>
        <translation>退出客户经营助手</translation>
    </message>
    <message>
        <source>Work is still running. Quit anyway? What it was writing is not saved.</source>
        <translation>还有工作在进行。仍要退出吗？正在写入的内容不会保存。</translation>
    </message>
    <message>
        <source>Backed up first: {name}</source>
        <translation>已先备份：{name}</translation>
    </message>
    <message>
        <source>No recent archives</source>
        <translation>没有最近的档案</translation>
    </message>
    <message>
        <source>Clear this list</source>
        <translation>清空此列表</translation>
    </message>
    <message>
        <source>Created {path}</source>
        <translation>已创建 {path}</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Restored. The file it replaced was kept as {kept}.</source>
        <translation>已恢复。被替换的文件保留为 {kept}。</translation>
    </message>
    <message>
        <source>Contact logged.</source>
        <translation>联系已登记。</translation>
    </message>
    <message>
        <source>Delete the customer {name}?</source>
        <translation>删除客户{name}？</translation>
    </message>
    <message>
        <source>Delete {count} customers?</source>
        <translation>删除 {count} 位客户？</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>They leave the list; their records and change history are kept in the archive.</source>
        <translation>客户将从列表中移除；其记录和变更历史仍保留在档案中。</translation>
    </message>
    <message>
        <source>Delete {count} customer(s)</source>
        <translation>删除 {count} 位客户</translation>
    </message>
    <message>
        <source>Deleted {count} customer(s).</source>
        <translation>已删除 {count} 位客户。</translation>
    </message>
    <message>
        <source>A new circle…</source>
        <translation>新建圈子…</translation>
    </message>
    <message>
        <source>Add to circle</source>
        <translation>加入圈子</translation>
    </message>
    <message>
        <source>Add {count} customer(s) to:</source>
        <translation>把 {count} 位客户加入：</translation>
    </message>
    <message>
        <source>Added {count} customer(s) to the circle.</source>
        <translation>已把 {count} 位客户加入圈子。</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <source>Search is not available</source>
        <translation>搜索不可用</translation>
    </message>
    <message>
        <source>{total} found; showing the best {shown}.</source>
        <translation>找到 {total} 位；显示最匹配的 {shown} 位。</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of the view (the filters and the sort are kept):</source>
        <translation>视图名称（保存筛选和排序）：</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kehu (客户经营助手)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;客户经营助手 (Kehu)&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Built on {date}</source>
        <translation>构建于 {date}</translation>
    </message>
    <message>
        <source>Branch rules: {pack}</source>
        <translation>网点规则：{pack}</translation>
    </message>
    <message>
        <source>The field account manager&apos;s customer archive: works offline, keeps every change, prints what you carry.</source>
        <translation>客户经理的客户档案：离线可用，保留每一次修改，随身资料一键打印。</translation>
    </message>
    <message>
        <source>About Kehu</source>
        <translation>关于客户经营助手</translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <source>Books</source>
        <translation>管户情况</translation>
    </message>
    <message>
        <source>Find in this book: name, pinyin, phone</source>
        <translation>在名下查找：姓名、拼音、电话</translation>
    </message>
    <message>
        <source>Hand over the &amp;chosen…</source>
        <translation>移交所选客户(&amp;C)…</translation>
    </message>
    <message>
        <source>Hand over the &amp;whole book…</source>
        <translation>移交全部客户(&amp;W)…</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无管户经理）</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管户经理</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Standard {low}-{high}</source>
        <translation>标准 {low}-{high}</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier}类</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>to hand over</source>
        <translation>待归户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Customers of {name} ({count})</source>
        <translation>{name}名下的客户（{count}）</translation>
    </message>
    <message>
        <source>{count} customers handed over from {old} to {new}.</source>
        <translation>已将 {count} 位客户从{old}移交给{new}。</translation>
    </message>
    <message>
        <source>Handing the customers over</source>
        <translation>正在移交客户</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Which field of the archive each column goes into.</source>
        <translation>每一列导入到档案的哪个字段。</translation>
    </message>
    <message>
        <source>Customers whose row names no manager in charge get this one.</source>
        <translation>没有写管户经理的客户归这位管户经理。</translation>
    </message>
    <message>
        <source>&amp;Manager in charge where the file names none:</source>
        <translation>文件未写管户经理时的管户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>{column} &lt;i&gt;(remembered)&lt;/i&gt;</source>
        <translation>{column} &lt;i&gt;（已记住）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{column}&lt;/b&gt; &lt;i&gt;(not recognised)&lt;/i&gt;</source>
        <translation>&lt;b&gt;{column}&lt;/b&gt; &lt;i&gt;（未识别）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>One column was not recognised: choose the field it goes into, or leave it out. Your choice is remembered for the next import.</source>
        <translation>有 1 列未识别：请选择要导入的字段，或选择不导入。您的选择会记住，供下次导入使用。</translation>
    </message>
    <message>
        <source>{count} columns were not recognised: choose the field each one goes into, or leave it out. Your choices are remembered for the next import.</source>
        <translation>有 {count} 列未识别：请为每一列选择要导入的字段，或选择不导入。您的选择会记住，供下次导入使用。</translation>
    </message>
    <message>
        <source>Every column is matched. Check the fields, or go on.</source>
        <translation>所有列都已对应。请检查字段，或继续。</translation>
    </message>
    <message>
        <source>No phone column</source>
        <translation>没有电话列</translation>
    </message>
    <message>
        <source>No column goes into Phone.</source>
        <translation>没有哪一列导入为“电话”。</translation>
    </message>
    <message>
        <source>The customers will have no number to call (they go on the red list), and duplicates can be found only by name, address, area and birth date. Choose the phone column, or import without phones.</source>
        <translation>这些客户将没有可拨打的号码（进入红名单），查重也只能按姓名、地址、区域和出生日期。请选择电话列，或不带电话导入。</translation>
    </message>
    <message>
        <source>&amp;Choose the phone column</source>
        <translation>选择电话列(&amp;C)</translation>
    </message>
    <message>
        <source>Import &amp;without phones</source>
        <translation>不带电话导入(&amp;W)</translation>
    </message>
    <message>
        <source>the customer&apos;s phone or number</source>
        <translation>客户的手机号或客户编号</translation>
    </message>
    <message>
        <source>No column is mapped to {fields}; the import needs it. Choose the column that holds it.</source>
        <translation>没有列对应到{fields}；导入需要它。请选择包含它的列。</translation>
    </message>
</context>
<context>
    <name>MarketingPage</name>
    <message>
        <source>Every finished activity side by side: which kind works for which audience. Reach is the share of the target audience that took part.</source>
        <translation>所有已完成的活动并列对比：哪类活动适合哪类客群。覆盖率是目标客群中参加者的比例。</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move complaint: {name}</source>
        <translation>推进抱怨处理：{name}</translation>
    </message>
    <message>
        <source>{date}, {category}: {what}</source>
        <translation>{date}，{category}：{what}</translation>
    </message>
    <message>
        <source>{status} (reopen)</source>
        <translation>{status}（重新打开）</translation>
    </message>
    <message>
        <source> of {scale}</source>
        <translation> / {scale}</translation>
    </message>
    <message>
        <source>The customer&apos;s satisfaction with how it was handled: 1 very dissatisfied, {scale} very satisfied</source>
        <translation>客户对处理结果的满意度：1 为非常不满意，{scale} 为非常满意</translation>
    </message>
    <message>
        <source>optional: what was done, what was said</source>
        <translation>可选：做了什么，客户怎么说</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>改为(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Satisfaction:</source>
        <translation>满意度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Each change, contact and printout records who made it. Your name:</source>
        <translation>每次修改、联系记录和打印都会记下操作人。您的姓名：</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>例如：王芳</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Protect the new archive</source>
        <translation>保护新档案</translation>
    </message>
    <message>
        <source>Encrypt the archive</source>
        <translation>加密档案</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>{name} will be encrypted: without the passphrase nobody can read it, not even from a lost laptop. Without it you cannot open it either — keep it somewhere safe.</source>
        <translation>{name} 将被加密：没有密码谁也读不了，即使笔记本电脑丢失也一样。没有密码您自己也打不开——请妥善保管。</translation>
    </message>
    <message>
        <source>{name} and its backups will be encrypted. A verified backup is taken first. Copies you made yourself elsewhere stay readable: delete them.</source>
        <translation>{name} 及其备份将被加密，加密前先做一份经过校验的备份。您自己在别处保存的副本仍可被读取：请删除。</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one for {name} and its backups.</source>
        <translation>新密码将替换 {name} 及其备份的旧密码。</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>显示密码(&amp;S)</translation>
    </message>
    <message>
        <source>Use this &amp;weak passphrase anyway</source>
        <translation>仍使用这个弱密码(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>在这台电脑上记住(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;No encryption (not recommended)</source>
        <translation>不加密(&amp;N)（不推荐）</translation>
    </message>
    <message>
        <source>Anyone who gets the file — a lost laptop, a copy on a stick — can read every customer in it.</source>
        <translation>任何拿到文件的人——丢失的笔记本电脑、U 盘里的一份副本——都能读取其中的每一位客户。</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>Create {name} without encryption? Anyone with the file can read it. You can encrypt it later (Archive → Encrypt archive…).</source>
        <translation>不加密就创建 {name} 吗？拿到文件的任何人都能读取。以后可以再加密（档案 → 加密档案…）。</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New visit plan</source>
        <translation>新建拜访计划</translation>
    </message>
    <message>
        <source>optional, e.g. week 48</source>
        <translation>选填，例如：第48周</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source> calendar days</source>
        <translation> 天（日历日）</translation>
    </message>
    <message>
        <source>by value tier ({a} min for A, else {other})</source>
        <translation>按价值分级（A类 {a} 分钟，其余 {other} 分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>latitude, longitude, e.g. 30.27, 120.15</source>
        <translation>纬度, 经度，例如 30.27, 120.15</translation>
    </message>
    <message>
        <source>&amp;Middle of the customers</source>
        <translation>客户的中心位置(&amp;M)</translation>
    </message>
    <message>
        <source>Start from the middle of the chosen manager&apos;s customers</source>
        <translation>从所选客户经理名下客户的中心位置出发</translation>
    </message>
    <message>
        <source>dates, comma separated, e.g. 2026-11-25, 2026-11-26</source>
        <translation>日期，用逗号分隔，例如 2026-11-25, 2026-11-26</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>客户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>第一天(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>天数(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Visits per day:</source>
        <translation>每天拜访数(&amp;V)：</translation>
    </message>
    <message>
        <source>Working &amp;hours:</source>
        <translation>工作时间(&amp;H)：</translation>
    </message>
    <message>
        <source>Visit &amp;duration:</source>
        <translation>拜访时长(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Start point:</source>
        <translation>出发点(&amp;S)：</translation>
    </message>
    <message>
        <source>Days &amp;off:</source>
        <translation>休息日(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>制定计划(&amp;P)</translation>
    </message>
    <message>
        <source>The visits due in these days are planned, most urgent first; weekends, holidays and days off are left out.</source>
        <translation>为这些天内应拜访的客户制定计划，最紧急的优先；周末、节假日和休息日不安排。</translation>
    </message>
    <message>
        <source>to {end}: {count} working days</source>
        <translation>至 {end}：{count} 个工作日</translation>
    </message>
    <message>
        <source>no customer has a position: type one, or leave empty</source>
        <translation>没有客户有坐标：请输入出发点，或留空</translation>
    </message>
    <message>
        <source>Give the start point as latitude, longitude (e.g. 30.27, 120.15), or leave it empty.</source>
        <translation>请以“纬度, 经度”填写出发点（例如 30.27, 120.15），或留空。</translation>
    </message>
    <message>
        <source>{problem} Give dates such as 2026-11-25, separated by commas.</source>
        <translation>{problem} 请填写如 2026-11-25 的日期，用逗号分隔。</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>工作时间的结束必须晚于开始。</translation>
    </message>
    <message>
        <source>New activity plan</source>
        <translation>新建活动方案</translation>
    </message>
    <message>
        <source>None: choose the audience yourself</source>
        <translation>无：自行选择目标客群</translation>
    </message>
    <message>
        <source>&amp;Circle:</source>
        <translation>圈子(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Template for:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Start the plan</source>
        <translation>开始策划(&amp;S)</translation>
    </message>
    <message>
        <source>Theme: {theme}
Time: {time}
Place: {place}</source>
        <translation>主题：{theme}
时间：{time}
地点：{place}</translation>
    </message>
</context>
<context>
    <name>Normalize</name>
    <message>
        <source>&apos;{value}&apos; is a long number in scientific notation: its digits were lost before import. Format the column as text in the spreadsheet and export again.</source>
        <translation>“{value}”是用科学计数法表示的长数字：导入前数字已经丢失。请在表格软件中把该列设为文本格式后重新导出。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a mainland China phone number.</source>
        <translation>“{value}”不是中国大陆的电话号码。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number (only digits, spaces, dashes and +86 are allowed).</source>
        <translation>“{value}”不是电话号码（只允许数字、空格、短横线和 +86）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid phone number (a mobile has 11 digits starting with 1; a landline starts with its area code).</source>
        <translation>“{value}”不是有效的电话号码（手机号为以 1 开头的 11 位数字；固定电话以区号开头）。</translation>
    </message>
    <message>
        <source>Excel day number 60 is 29 February 1900, a day that does not exist.</source>
        <translation>Excel 日期序号 60 对应 1900 年 2 月 29 日，这一天并不存在。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date.</source>
        <translation>“{value}”不是日期。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a year only, not a date: write the whole date (such as 1985-03-12) or leave the cell empty.</source>
        <translation>“{value}”只是年份，不是日期：请写完整日期（如 1985-03-12），或留空。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a real date.</source>
        <translation>“{value}”不是真实存在的日期。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (write it as 2023-05-01, 2023/5/1 or 2023年5月1日).</source>
        <translation>“{value}”不是日期（请写成 2023-05-01、2023/5/1 或 2023年5月1日）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is outside the years 1900-2100.</source>
        <translation>“{value}”不在 1900-2100 年之间。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>Latitude {value} is outside -90..90.</source>
        <translation>纬度 {value} 超出 -90..90 的范围。</translation>
    </message>
    <message>
        <source>Longitude {value} is outside -180..180.</source>
        <translation>经度 {value} 超出 -180..180 的范围。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a gender (男/女, male/female).</source>
        <translation>“{value}”不是性别（男/女）。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Opportunity grade</source>
        <translation>商机等级</translation>
    </message>
    <message>
        <source>Optional: what you learned</source>
        <translation>选填：了解到的情况</translation>
    </message>
    <message>
        <source>&amp;Need:</source>
        <translation>需求(&amp;N)：</translation>
    </message>
    <message>
        <source>Expected &amp;close:</source>
        <translation>预计成交(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>等级：</translation>
    </message>
</context>
<context>
    <name>OpportunityPage</name>
    <message>
        <source>Opportunity grades</source>
        <translation>商机等级</translation>
    </message>
    <message>
        <source>For each customer: is there a need, and when do you expect to close? Press Next at any time to review what you answered.</source>
        <translation>对每位客户回答：有没有需求？预计何时成交？随时可按“下一步”查看已回答的内容。</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Deal status</source>
        <translation>成交状态</translation>
    </message>
    <message>
        <source>Handle within</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>By when the customer must be handled: sets the handle-by date</source>
        <translation>需要在何时之前处理该客户：设置处理期限</translation>
    </message>
    <message>
        <source>◀ Back (Backspace)</source>
        <translation>◀ 上一位（Backspace）</translation>
    </message>
    <message>
        <source>Skip (S) ▶</source>
        <translation>跳过（S）▶</translation>
    </message>
    <message>
        <source>Keys: {needs} need · {closes} expected close · {deals} deal status · {urgency} handle within · S skip · Backspace back</source>
        <translation>按键：{needs} 需求 · {closes} 预计成交 · {deals} 成交状态 · {urgency} 处理期限 · S 跳过 · Backspace 返回</translation>
    </message>
    <message>
        <source>All {total} customers done · {answered} answered</source>
        <translation>全部 {total} 位客户已完成 · 已回答 {answered} 位</translation>
    </message>
    <message>
        <source>That was the last customer in the scope.</source>
        <translation>这是范围内的最后一位客户。</translation>
    </message>
    <message>
        <source>Press Next to review the changes, or Backspace to go back.</source>
        <translation>按“下一步”查看变化，或按 Backspace 返回。</translation>
    </message>
    <message>
        <source>Customer {n} of {total} · {answered} answered</source>
        <translation>第 {n} / {total} 位客户 · 已回答 {answered} 位</translation>
    </message>
    <message>
        <source>Grade {grade}: {label}</source>
        <translation>{grade} 级：{label}</translation>
    </message>
    <message>
        <source>Now the expected close (A–E).</source>
        <translation>现在选择预计成交时间（A–E）。</translation>
    </message>
    <message>
        <source>Now the need (1–3).</source>
        <translation>现在选择需求（1–3）。</translation>
    </message>
    <message>
        <source>Previous: {name} → grade {grade} ({cadence})</source>
        <translation>上一位：{name} → {grade} 级（{cadence}）</translation>
    </message>
    <message>
        <source>no tracking</source>
        <translation>不追踪</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Potential amount</source>
        <translation>潜在需求金额</translation>
    </message>
    <message>
        <source>Own supply channel</source>
        <translation>自有渠道</translation>
    </message>
    <message>
        <source>Scarce resources</source>
        <translation>稀缺资源</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>This customer was deleted; press S to skip.</source>
        <translation>该客户已被删除；请按 S 跳过。</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Products held</source>
        <translation>持有产品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{count} not known</source>
        <translation>{count} 项未知</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>None known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>None from {start} to {end}.</source>
        <translation>{start} 至 {end} 无交易。</translation>
    </message>
    <message>
        <source>From {start} to {end}: {f} transactions, amount {m}, last one {r} days before {end}.</source>
        <translation>{start} 至 {end}：{f} 笔交易，金额 {m}，最后一笔在 {end} 前 {r} 天。</translation>
    </message>
    <message>
        <source>All time: {count} transactions, amount {total}, the last on {last}.</source>
        <translation>全部：{count} 笔交易，金额 {total}，最后一笔在 {last}。</translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>No contact recorded yet.</source>
        <translation>尚无联系记录。</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Last answered on {date} by {by}: {why}</source>
        <translation>上次由 {by} 于 {date} 回答：{why}</translation>
    </message>
    <message>
        <source>Grade history</source>
        <translation>等级历史</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Log visit: {name}</source>
        <translation>记录拜访：{name}</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>已完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Not met</source>
        <translation>未见到(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rescheduled</source>
        <translation>改期(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. bought the savings plan; wants to think</source>
        <translation>例如：办理了理财；还要考虑</translation>
    </message>
    <message>
        <source>e.g. phone back with the rates</source>
        <translation>例如：回电告知利率</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {area} · {day} {time}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {area} · {day} {time}</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>目的：{purpose}</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>结果说明(&amp;R)：</translation>
    </message>
    <message>
        <source>Ne&amp;xt step:</source>
        <translation>下一步(&amp;X)：</translation>
    </message>
    <message>
        <source>Visit d&amp;ate:</source>
        <translation>拜访日期(&amp;A)：</translation>
    </message>
    <message>
        <source>Next &amp;date:</source>
        <translation>下次日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Try again &amp;on:</source>
        <translation>再次拜访(&amp;O)：</translation>
    </message>
    <message>
        <source>New &amp;date:</source>
        <translation>新日期(&amp;D)：</translation>
    </message>
    <message>
        <source>optional: when to contact next</source>
        <translation>选填：下次联系的日期</translation>
    </message>
    <message>
        <source>optional: the next working day if empty</source>
        <translation>选填：留空则为下一个工作日</translation>
    </message>
    <message>
        <source>required, e.g. 2026-11-27</source>
        <translation>必填，例如 2026-11-27</translation>
    </message>
    <message>
        <source>A rescheduled visit needs its new date.</source>
        <translation>改期的拜访需要填写新日期。</translation>
    </message>
    <message>
        <source>The visit date is in the future; give the day the visit was made.</source>
        <translation>拜访日期在将来，请填写实际拜访的日期。</translation>
    </message>
    <message>
        <source>The next date is before the visit date.</source>
        <translation>下次日期早于拜访日期。</translation>
    </message>
    <message>
        <source>Outcome: {title}</source>
        <translation>活动效果：{title}</translation>
    </message>
    <message>
        <source>&amp;Add customers…</source>
        <translation>添加客户(&amp;A)…</translation>
    </message>
    <message>
        <source>Add the circle&apos;s &amp;members</source>
        <translation>添加圈子成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>People who took part but are not customers in the archive</source>
        <translation>参加了活动但不在档案中的人</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>What worked, what did not, what customers liked, what to change next time</source>
        <translation>哪些有效、哪些无效、客户喜欢什么、下次要改什么</translation>
    </message>
    <message>
        <source>&amp;Walk-ins:</source>
        <translation>散客人数(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;New customers not yet entered:</source>
        <translation>尚未录入的新客户(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Deals counted up to:</source>
        <translation>成交统计截至活动后(&amp;D)：</translation>
    </message>
    <message>
        <source>Re&amp;view:</source>
        <translation>总结(&amp;V)：</translation>
    </message>
    <message>
        <source>Transactions of participants from the first day of the activity to this many days after its end count as its deals</source>
        <translation>参与者从活动首日到活动结束后这么多天内的交易计为活动成交</translation>
    </message>
    <message>
        <source>Participants and review</source>
        <translation>参与者与总结</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Compared with past activities (this one first)</source>
        <translation>与以往活动对比（本次在首行）</translation>
    </message>
    <message>
        <source>&amp;Save and work out</source>
        <translation>保存并计算(&amp;S)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>{count} customers took part</source>
        <translation>{count} 位客户参加</translation>
    </message>
    <message>
        <source>Add participants</source>
        <translation>添加参与者</translation>
    </message>
    <message>
        <source>No outcome recorded yet: add who took part and save.</source>
        <translation>尚未记录效果：添加参与者后保存。</translation>
    </message>
</context>
<context>
    <name>OutletDialog</name>
    <message>
        <source>Add an outlet</source>
        <translation>添加网点</translation>
    </message>
    <message>
        <source>e.g. supermarket, kiosk, restaurant</source>
        <translation>如 超市、小卖部、餐馆</translation>
    </message>
    <message>
        <source>customer number, if the outlet is a customer (for the actuals)</source>
        <translation>客户编号（网点是客户时填写，用于计算实绩）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind of outlet:</source>
        <translation>网点类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Customer number:</source>
        <translation>客户编号(&amp;C)：</translation>
    </message>
    <message>
        <source>Enter the outlet&apos;s name.</source>
        <translation>请填写网点名称。</translation>
    </message>
    <message>
        <source>There is no customer number {number}; leave it empty or enter a customer&apos;s number.</source>
        <translation>没有编号为 {number} 的客户；请留空或填写正确的客户编号。</translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message>
        <source>Could not write {path}: {reason}. Nothing was saved; choose a folder you can write to, with space on the disk.</source>
        <translation>无法写入 {path}：{reason}。没有保存任何内容；请选择一个可以写入、磁盘有空间的文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name to write to.</source>
        <translation>{path} 是一个文件夹；请给出要写入的文件名。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; nothing was saved.</source>
        <translation>文件夹 {folder} 不存在；没有保存任何内容。</translation>
    </message>
    <message>
        <source>Could not write {paths}: {reason}. Nothing was saved; make room on the disk or choose another folder.</source>
        <translation>无法写入 {paths}：{reason}。没有保存任何内容；请腾出磁盘空间或选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override the {grade}</source>
        <translation>手动设定{grade}</translation>
    </message>
    <message>
        <source>Why the computed grade does not fit (required)</source>
        <translation>计算出的等级为何不合适（必填）</translation>
    </message>
    <message>
        <source>The grade is marked as set by hand and kept in the history with your reason; grading runs leave it alone until you clear the override.</source>
        <translation>该等级会标记为手动设定，并连同您的理由保存在历史中；在您取消手动设定之前，分级计算不会改动它。</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>等级(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Override</source>
        <translation>手动设定(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Share of customers, largest first</source>
        <translation>客户占比（从大到小）</translation>
    </message>
    <message>
        <source>Share of the total</source>
        <translation>占总量比例</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>{tier} cut-off ({share:.0f}%)</source>
        <translation>{tier} 类分界（{share:.0f}%）</translation>
    </message>
    <message>
        <source>{cut:.0f}% of the total from the first {share:.1f}% of customers</source>
        <translation>前 {share:.1f}% 的客户贡献总量的 {cut:.0f}%</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Edit the partner</source>
        <translation>编辑合作伙伴</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>新建合作伙伴</translation>
    </message>
    <message>
        <source>e.g. 东城区 and 北郊 (the area it serves)</source>
        <translation>如 东城区和北郊（服务的区域）</translation>
    </message>
    <message>
        <source>latitude, longitude (optional; for route planning)</source>
        <translation>纬度, 经度（可不填；用于路线规划）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Territory:</source>
        <translation>责任区域(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>位置(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Manager in charge:</source>
        <translation>负责客户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Write the position as latitude, longitude (e.g. 39.91, 116.40), or leave it empty.</source>
        <translation>位置请写成 纬度, 经度（如 39.91, 116.40），或留空。</translation>
    </message>
</context>
<context>
    <name>PartnerDialogs</name>
    <message>
        <source>checklist-101-{date}</source>
        <translation>101检查表-{date}</translation>
    </message>
</context>
<context>
    <name>PartnerView</name>
    <message>
        <source>Details &amp;&amp; agreement</source>
        <translation>详情与协议</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Checklist runs</source>
        <translation>101检查</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>&amp;Edit partner…</source>
        <translation>编辑合作伙伴(&amp;E)…</translation>
    </message>
    <message>
        <source>101 a&amp;greement…</source>
        <translation>101协议(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Delete partner…</source>
        <translation>删除合作伙伴(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add outlet…</source>
        <translation>添加网点(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import outlets…</source>
        <translation>导入网点(&amp;I)…</translation>
    </message>
    <message>
        <source>From a CSV or Excel file with a column for the outlet&apos;s name (网点名称) and optionally address, phone, kind and customer number</source>
        <translation>从 CSV 或 Excel 文件导入：须有网点名称列，可选地址、电话、类型和客户编号</translation>
    </message>
    <message>
        <source>&amp;Remove outlet</source>
        <translation>删除网点(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save contacts</source>
        <translation>保存联系人(&amp;S)</translation>
    </message>
    <message>
        <source>Weighted score of each 101 checklist run</source>
        <translation>每次101检查的加权得分</translation>
    </message>
    <message>
        <source>&amp;New checklist run…</source>
        <translation>新建101检查(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print run…</source>
        <translation>打印检查表(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the chosen run (the latest if none is chosen) for sign-off</source>
        <translation>打印所选检查（未选则最近一次）供双方签字</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <source>New a&amp;ction…</source>
        <translation>新建事项(&amp;C)…</translation>
    </message>
    <message>
        <source>Show &amp;done actions too</source>
        <translation>也显示已完成事项(&amp;D)</translation>
    </message>
    <message>
        <source>Open actions are due visits in Visits → Due: plan them like customer visits; logging the visit as done closes the action.</source>
        <translation>未完成事项会出现在“拜访 → 待办”中：像客户拜访一样安排；拜访记为完成即关闭该事项。</translation>
    </message>
    <message>
        <source>Target and actual per period</source>
        <translation>各周期目标与实绩</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实绩</translation>
    </message>
    <message>
        <source>Set &amp;target…</source>
        <translation>设定目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Import targets…</source>
        <translation>导入目标…</translation>
    </message>
    <message>
        <source>From a CSV or Excel file with the columns period (期间), target (目标) and optionally actual (实际)</source>
        <translation>从 CSV 或 Excel 文件导入：列为期间、目标，可选实际</translation>
    </message>
    <message>
        <source>No partner chosen</source>
        <translation>未选择合作伙伴</translation>
    </message>
    <message>
        <source>Choose a partner on the left, or add one with New partner. A partner (distributor, wholesaler) covers retail outlets under a 101 agreement and is reviewed against the 101 checklist.</source>
        <translation>请在左侧选择合作伙伴，或用“新建合作伙伴”添加。合作伙伴（经销商、批发商）按101协议覆盖零售网点，并按101检查表定期检查。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Manager in charge</source>
        <translation>负责客户经理</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>101 agreement</source>
        <translation>101协议</translation>
    </message>
    <message>
        <source>No agreement recorded yet: use 101 agreement… to write down what each side commits to.</source>
        <translation>尚未登记协议：用“101协议…”写下双方的承诺。</translation>
    </message>
    <message>
        <source>Signed {signed}; in force {start} to {end}</source>
        <translation>签署于 {signed}；有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{count} outlets, {linked} linked to customers (their transactions are the partner&apos;s actuals).</source>
        <translation>网点 {count} 个，其中 {linked} 个关联客户（其交易计入伙伴实绩）。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation>{date} 完成</translation>
    </message>
    <message>
        <source>run of {date}</source>
        <translation>{date} 的检查</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>from outlets&apos; transactions</source>
        <translation>网点交易汇总</translation>
    </message>
    <message>
        <source>no actual yet</source>
        <translation>暂无实绩</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Actual from</source>
        <translation>实绩来源</translation>
    </message>
    <message>
        <source>Below target in the last two periods: review the partnership and agree actions.</source>
        <translation>最近两个周期均未达目标：请复盘合作并商定改进措施。</translation>
    </message>
    <message>
        <source>No targets yet: set a target per month or quarter.</source>
        <translation>还没有目标：请按月或按季度设定目标。</translation>
    </message>
    <message>
        <source>Delete the partner</source>
        <translation>删除合作伙伴</translation>
    </message>
    <message>
        <source>Delete {name} with its outlets, contacts, agreement, checklist runs, actions and targets?</source>
        <translation>删除 {name} 及其网点、联系人、协议、检查记录、跟进事项和目标？</translation>
    </message>
    <message>
        <source>Import outlets</source>
        <translation>导入网点</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{rejected} rows were rejected, so nothing was imported (all or nothing). The rows and their reasons are in {path}.</source>
        <translation>有 {rejected} 行被拒绝，因此什么也没有导入（全部导入或全不导入）。这些行及原因见 {path}。</translation>
    </message>
    <message>
        <source>Row {row}: {reasons}</source>
        <translation>第 {row} 行：{reasons}</translation>
    </message>
    <message>
        <source>Import the {count} good rows</source>
        <translation>导入 {count} 个合格行</translation>
    </message>
    <message>
        <source>Imported {imported} outlets; {duplicates} were already listed.</source>
        <translation>已导入 {imported} 个网点；{duplicates} 个已在清单中。</translation>
    </message>
    <message>
        <source>Nothing was imported: {rejected} rows were rejected (see {path}).</source>
        <translation>未导入任何内容：有 {rejected} 行被拒绝（见 {path}）。</translation>
    </message>
    <message>
        <source>Contacts saved.</source>
        <translation>联系人已保存。</translation>
    </message>
    <message>
        <source>Import targets</source>
        <translation>导入目标</translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <source>distributor</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>wholesaler</source>
        <translation>批发商</translation>
    </message>
    <message>
        <source>retail chain</source>
        <translation>零售连锁</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Retail outlet coverage</source>
        <translation>零售网点覆盖</translation>
    </message>
    <message>
        <source>Distribution targets</source>
        <translation>分销目标任务</translation>
    </message>
    <message>
        <source>Warehouse management</source>
        <translation>仓库管理</translation>
    </message>
    <message>
        <source>Delivery service</source>
        <translation>送货服务</translation>
    </message>
    <message>
        <source>Logistics support</source>
        <translation>物流支持</translation>
    </message>
    <message>
        <source>Information support</source>
        <translation>信息支持</translation>
    </message>
    <message>
        <source>In-store merchandising (生动化)</source>
        <translation>终端生动化</translation>
    </message>
    <message>
        <source>Incentive policy</source>
        <translation>奖励政策</translation>
    </message>
    <message>
        <source>The partner commits to</source>
        <translation>合作伙伴承诺</translation>
    </message>
    <message>
        <source>We commit to</source>
        <translation>我方承诺</translation>
    </message>
    <message>
        <source>Enter the partner&apos;s name.</source>
        <translation>请填写合作伙伴名称。</translation>
    </message>
    <message>
        <source>Choose the kind of partner (distributor, wholesaler, retail chain or other).</source>
        <translation>请选择合作伙伴类型（经销商、批发商、零售连锁或其他）。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>纬度和经度要么都填，要么都不填。</translation>
    </message>
    <message>
        <source>There is no partner number {id} in this archive; list them with &apos;python main.py partners ARCHIVE&apos;.</source>
        <translation>本档案中没有编号为 {id} 的合作伙伴；可用 &apos;python main.py partners 档案&apos; 列出。</translation>
    </message>
    <message>
        <source>Contact {n}: enter a name.</source>
        <translation>联系人 {n}：请填写姓名。</translation>
    </message>
    <message>
        <source>Contact {n}: {problem}</source>
        <translation>联系人 {n}：{problem}</translation>
    </message>
    <message>
        <source>Mark one contact as the KeyMan (the decision maker), not several.</source>
        <translation>只能将一位联系人标为 KeyMan（关键决策人），不能多位。</translation>
    </message>
    <message>
        <source>The agreement ends before it starts; correct the end date.</source>
        <translation>协议的到期日早于生效日；请更正到期日。</translation>
    </message>
    <message>
        <source>Commitment {n} has an unknown side or topic.</source>
        <translation>第 {n} 项承诺的一方或主题未知。</translation>
    </message>
    <message>
        <source>The file has no column for the outlet&apos;s name (a header such as 网点名称, 门店 or name). Its columns are: {columns}.</source>
        <translation>文件中没有网点名称列（表头如 网点名称、门店）。文件的列为：{columns}。</translation>
    </message>
    <message>
        <source>{column}: the outlet has no name.</source>
        <translation>{column}：网点没有名称。</translation>
    </message>
    <message>
        <source>{column}: there is no customer number {value} in the archive.</source>
        <translation>{column}：档案中没有客户编号 {value}。</translation>
    </message>
    <message>
        <source>This outlet is already listed for the partner.</source>
        <translation>该网点已在此合作伙伴的清单中。</translation>
    </message>
    <message>
        <source>The same outlet is on row {row}.</source>
        <translation>同一网点已在第 {row} 行。</translation>
    </message>
    <message>
        <source>This follow-up action no longer exists.</source>
        <translation>该跟进事项已不存在。</translation>
    </message>
    <message>
        <source>&apos;{period}&apos; is not a period; write a month as 2026-03 or a quarter as 2026-Q1.</source>
        <translation>&apos;{period}&apos; 不是周期；月份写作 2026-03，季度写作 2026-Q1。</translation>
    </message>
    <message>
        <source>A target and an actual are numbers.</source>
        <translation>目标和实绩必须是数字。</translation>
    </message>
    <message>
        <source>The target must be above zero and the actual not below zero.</source>
        <translation>目标必须大于零，实绩不能小于零。</translation>
    </message>
    <message>
        <source>The file needs a period column (期间, e.g. 2026-03 or 2026-Q1) and a target column (目标).</source>
        <translation>文件需要期间列（如 2026-03 或 2026-Q1）和目标列。</translation>
    </message>
    <message>
        <source>{column}: the target must be above zero.</source>
        <translation>{column}：目标必须大于零。</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Search name, territory or manager</source>
        <translation>搜索名称、区域或客户经理</translation>
    </message>
    <message>
        <source>&amp;New partner…</source>
        <translation>新建合作伙伴(&amp;N)…</translation>
    </message>
    <message>
        <source>No partners yet. Add a distributor or wholesaler with New partner.</source>
        <translation>还没有合作伙伴。用“新建合作伙伴”添加经销商或批发商。</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Last score</source>
        <translation>最近得分</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Type a passphrase.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>This is a common password or a simple run of keys; anyone trying passwords would guess it first.</source>
        <translation>这是常见密码或简单的连续按键；试密码的人最先就会猜到。</translation>
    </message>
    <message>
        <source>Too short: use at least {count} characters, better a few words.</source>
        <translation>太短：至少 {count} 个字符，最好用几个词组成。</translation>
    </message>
    <message>
        <source>Strong. Write it down somewhere safe: without it the archive cannot be opened.</source>
        <translation>强。请记在安全的地方：没有它就无法打开档案。</translation>
    </message>
    <message>
        <source>Fair. A few more characters or another word would make it strong.</source>
        <translation>中等。再多几个字符或再加一个词就会变强。</translation>
    </message>
    <message>
        <source>Fair, but short: add a word, digits or signs.</source>
        <translation>中等，但偏短：再加一个词、数字或符号。</translation>
    </message>
    <message>
        <source>The keychain support is not installed.</source>
        <translation>未安装系统钥匙串支持。</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (for example no Secret Service on this Linux desktop), so the passphrase cannot be remembered. Type it each time.</source>
        <translation>这台电脑上没有可用的系统钥匙串（例如桌面环境没有提供密钥服务），因此无法记住密码。请每次输入。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialogs</name>
    <message>
        <source>Kept in this computer&apos;s keychain (not in a file and not in the settings); anyone who can log in as you can then open the archive without typing it.</source>
        <translation>保存在这台电脑的系统钥匙串中（不在文件里，也不在设置里）；能以您的身份登录的人就能不输密码打开档案。</translation>
    </message>
    <message>
        <source>The passphrase remembered on this computer no longer opens it, so it was forgotten.</source>
        <translation>这台电脑记住的密码已无法打开它，因此已被清除。</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>The archive, its journal and its backups are encrypted with your passphrase.</source>
        <translation>档案、它的日志文件和备份都已用您的密码加密。</translation>
    </message>
    <message>
        <source>Not encrypted (demo)</source>
        <translation>未加密（演示）</translation>
    </message>
    <message>
        <source>The demo archive holds made-up customers and is not encrypted.</source>
        <translation>演示档案只包含虚构的客户，未加密。</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Anyone with the file can read it. Archive → Encrypt archive… protects it with a passphrase.</source>
        <translation>拿到文件的任何人都能读取。档案 → 加密档案… 可用密码保护它。</translation>
    </message>
    <message>
        <source>The passphrase was changed. The backups it could open were re-keyed too.</source>
        <translation>密码已修改。旧密码能打开的备份也已换用新密码。</translation>
    </message>
    <message>
        <source>These backups keep the passphrase they were taken with:</source>
        <translation>以下备份仍使用做备份时的密码：</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>The archive and its backups are now encrypted. Copies you made yourself elsewhere stay readable: delete them.</source>
        <translation>档案及其备份现已加密。您自己在别处保存的副本仍可被读取：请删除。</translation>
    </message>
    <message>
        <source>These backups could not be encrypted and are still readable; delete them:</source>
        <translation>以下备份未能加密，仍可被读取；请删除：</translation>
    </message>
    <message>
        <source>Archive encrypted</source>
        <translation>档案已加密</translation>
    </message>
    <message>
        <source>Remove encryption</source>
        <translation>取消加密</translation>
    </message>
    <message>
        <source>Without encryption, anyone who gets {name} — a lost laptop, a copy — can read every customer in it. Its earlier backups stay encrypted. Remove the encryption?</source>
        <translation>不加密时，任何拿到 {name} 的人——丢失的笔记本电脑、一份副本——都能读取其中的每一位客户。以前的备份仍保持加密。确定取消加密？</translation>
    </message>
    <message>
        <source>The archive is no longer encrypted.</source>
        <translation>档案已不再加密。</translation>
    </message>
</context>
<context>
    <name>PeopleTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>KeyMan</translation>
    </message>
    <message>
        <source>The decision maker; at most one</source>
        <translation>关键决策人；最多一位</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>添加联系人(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;move person</source>
        <translation>删除联系人(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>This change breaks the plan:</source>
        <translation>这样改动不符合计划规则：</translation>
    </message>
    <message>
        <source>The plan ends before it starts. Choose an end date on or after the start date.</source>
        <translation>计划的结束日期早于开始日期。请选择不早于开始日期的结束日期。</translation>
    </message>
    <message>
        <source>The working day ends before it starts ({start}-{end}). Check the working hours.</source>
        <translation>工作时间的结束早于开始（{start}-{end}）。请检查工作时间。</translation>
    </message>
    <message>
        <source>There is no working day between {start} and {end} (weekends, holidays and days off are left out).</source>
        <translation>{start} 至 {end} 之间没有工作日（已除去周末、节假日和休息日）。</translation>
    </message>
    <message>
        <source>Some locked visits could not keep their place in the order; they were kept on their day.</source>
        <translation>部分已锁定的拜访无法保持原来的顺序，已保留在原来的日期。</translation>
    </message>
    <message>
        <source>The plan has no working day.</source>
        <translation>计划中没有工作日。</translation>
    </message>
    <message>
        <source>The customer is only free {when}, which never falls within the working hours of the plan&apos;s days ({start}-{end}, {days} days).</source>
        <translation>客户只在{when}有空，不在计划各天的工作时间内（{start}-{end}，共{days}天）。</translation>
    </message>
    <message>
        <source>Placed by hand, but there is no room for it: the day is full or its hours are taken. Move it to another day or remove another visit.</source>
        <translation>手动安排的拜访放不下：当天已排满或时间已占用。请移到其他日期，或删除另一个拜访。</translation>
    </message>
    <message>
        <source>No room: every day it could be seen is full ({per_day} visits a day), and more urgent customers came first. Add a day or raise the visits per day.</source>
        <translation>没有空位：能拜访该客户的日期都已排满（每天{per_day}个拜访），更紧急的客户优先。请增加天数或提高每天拜访数。</translation>
    </message>
    <message>
        <source>No time left within its hours ({when}) on the days with room ({days}): the other visits and the travel between them fill those hours.</source>
        <translation>在有空位的日期（{days}）里，客户方便的时段（{when}）已被其他拜访和路程占满。</translation>
    </message>
    <message>
        <source>{name}: visit {number} of a day of {capacity}</source>
        <translation>{name}：当天第 {number} 个拜访，每天最多 {capacity} 个</translation>
    </message>
    <message>
        <source>{name}: at {time}, outside the customer&apos;s hours {window}</source>
        <translation>{name}：{time} 拜访，不在客户方便的时间 {window} 内</translation>
    </message>
    <message>
        <source>{name}: ends at {time}, after the working day ends at {end}</source>
        <translation>{name}：{time} 才结束，晚于下班时间 {end}</translation>
    </message>
    <message>
        <source>There is no visit plan number {id} in this archive.</source>
        <translation>档案中没有编号为 {id} 的拜访计划。</translation>
    </message>
    <message>
        <source>This visit is no longer in the plan. Reload the plan.</source>
        <translation>该拜访已不在计划中。请重新载入计划。</translation>
    </message>
    <message>
        <source>{date} is not a working day of this plan. Choose one of its days.</source>
        <translation>{date} 不是本计划的工作日。请选择计划中的某一天。</translation>
    </message>
    <message>
        <source>The visit to {name} is already logged; it stays where it happened.</source>
        <translation>对{name}的拜访已登记结果，保留在实际发生的位置。</translation>
    </message>
    <message>
        <source>Only a visit on a day can be reordered; move it to a day first.</source>
        <translation>只有已排在某天的拜访才能调整顺序；请先把它移到某一天。</translation>
    </message>
    <message>
        <source>Only a visit on a day can be locked; move it to a day first.</source>
        <translation>只有已排在某天的拜访才能锁定；请先把它移到某一天。</translation>
    </message>
    <message>
        <source>Brought back; re-optimise to place it.</source>
        <translation>已恢复；重新优化后会排入计划。</translation>
    </message>
    <message>
        <source>{name} is already in this plan.</source>
        <translation>{name} 已在本计划中。</translation>
    </message>
    <message>
        <source>Added by hand; re-optimise to place it.</source>
        <translation>已手动加入；重新优化后会排入计划。</translation>
    </message>
    <message>
        <source>Choose done, not met or rescheduled.</source>
        <translation>请选择：已完成、未见到或改期。</translation>
    </message>
    <message>
        <source>Only a visit on a day of the plan can be logged.</source>
        <translation>只有已排在计划日期上的拜访才能登记结果。</translation>
    </message>
    <message>
        <source>A rescheduled visit needs its new date.</source>
        <translation>改期的拜访需要填写新的日期。</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未见到</translation>
    </message>
    <message>
        <source>rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>rescheduled from {date}</source>
        <translation>由 {date} 改期</translation>
    </message>
    <message>
        <source>Only a visit logged done or not met can be taken back; log it again to correct it.</source>
        <translation>只有登记为已完成或未见到的拜访可以撤销；其他情况请重新登记以更正。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New activity plan</source>
        <translation>新建活动方案</translation>
    </message>
    <message>
        <source>Activity plan: {title}</source>
        <translation>活动方案：{title}</translation>
    </message>
    <message>
        <source>The area type (商圈类型) whose template the plan starts from</source>
        <translation>方案所依据模板的商圈类型</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The key principles of seed 003 (锦囊), for every activity</source>
        <translation>锦囊:每次活动都要遵循的关键原则</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the time in words, e.g. evening after dinner</source>
        <translation>用文字说明时间，例如：晚饭后</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Te&amp;mplate (area type):</source>
        <translation>模板（商圈类型）(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Goal (提粘守破立):</source>
        <translation>目标（提粘守破立）(&amp;G)：</translation>
    </message>
    <message>
        <source>Activity t&amp;ype:</source>
        <translation>活动类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <source>Time in &amp;words:</source>
        <translation>时间说明(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Circle:</source>
        <translation>圈子(&amp;C)：</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>片区(&amp;R)：</translation>
    </message>
    <message>
        <source>Supporting &amp;resources:</source>
        <translation>支持资源(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>活动组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Daily contact:</source>
        <translation>日常联系(&amp;D)：</translation>
    </message>
    <message>
        <source>Other &amp;key points:</source>
        <translation>其他关键点(&amp;K)：</translation>
    </message>
    <message>
        <source>Key principles:</source>
        <translation>关键原则:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Add &amp;line</source>
        <translation>添加一行(&amp;L)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Staffing</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>添加人员(&amp;P)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>添加步骤(&amp;S)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Target audience</source>
        <translation>目标客群</translation>
    </message>
    <message>
        <source>Budget, staffing, schedule</source>
        <translation>预算、人员、日程</translation>
    </message>
    <message>
        <source>Budget total: {total}</source>
        <translation>预算合计：{total}</translation>
    </message>
    <message>
        <source>Budget line {n}: the quantity and unit cost must be numbers, e.g. 20 and 15.5.</source>
        <translation>预算第 {n} 行：数量和单价必须是数字，例如 20 和 15.5。</translation>
    </message>
</context>
<context>
    <name>PlanDialogs</name>
    <message>
        <source>Day (追踪日志)</source>
        <translation>日（追踪日志）</translation>
    </message>
    <message>
        <source>Week (周志)</source>
        <translation>周（周志）</translation>
    </message>
    <message>
        <source>Half month (半月志)</source>
        <translation>半月（半月志）</translation>
    </message>
    <message>
        <source>Month (月志)</source>
        <translation>月（月志）</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周志</translation>
    </message>
    <message>
        <source>half-month</source>
        <translation>半月志</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月志</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Tier / grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Removed by hand</source>
        <translation>已手动移出</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未见到</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>{done}/{count} done</source>
        <translation>已完成 {done}/{count}</translation>
    </message>
    <message>
        <source>{count} not met or moved</source>
        <translation>{count} 未见到或改期</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <source>no visits</source>
        <translation>无拜访</translation>
    </message>
    <message>
        <source>{outcome} → {date}</source>
        <translation>{outcome} → {date}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Day kept</source>
        <translation>固定日期</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <source>{count} against the rules</source>
        <translation>{count} 个不符合规则</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>{planned} visits planned ({logged} logged), {unplanned} not planned; {km} km by straight line; {start}-{end}, up to {per_day} a day.</source>
        <translation>已安排 {planned} 次拜访（已记录 {logged}），{unplanned} 位未安排；直线距离 {km} 公里；{start}-{end}，每天最多 {per_day} 次。</translation>
    </message>
    <message>
        <source>{count} legs to or from customers without a position are estimated.</source>
        <translation>往返无坐标客户的 {count} 段路程为估算。</translation>
    </message>
    <message>
        <source>This change breaks the plan</source>
        <translation>改动不符合计划规则</translation>
    </message>
    <message>
        <source>The change breaks the rules of the day:</source>
        <translation>这样改动不符合当天的规则：</translation>
    </message>
    <message>
        <source>&amp;Keep it anyway</source>
        <translation>仍然这样改(&amp;K)</translation>
    </message>
    <message>
        <source>What is &amp;due</source>
        <translation>应联系客户(&amp;D)</translation>
    </message>
    <message>
        <source>Visit &amp;plan</source>
        <translation>拜访计划(&amp;P)</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>P&amp;lan:</source>
        <translation>计划(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>Delete plan…</source>
        <translation>删除计划…</translation>
    </message>
    <message>
        <source>Visit plan by day</source>
        <translation>按日的拜访计划</translation>
    </message>
    <message>
        <source>&amp;Log visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <source>Record how the visit went: done, not met or rescheduled</source>
        <translation>记录拜访情况：已完成、未见到或改期</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <source>Log the visit as done, without a result</source>
        <translation>把拜访记为已完成（不填结果）</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Visit earlier in the day (its place is then kept)</source>
        <translation>当天提前拜访（之后保持该位置）</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Visit later in the day (its place is then kept)</source>
        <translation>当天推后拜访（之后保持该位置）</translation>
    </message>
    <message>
        <source>Move to &amp;day…</source>
        <translation>移到其他日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Put the visit on another day of the plan</source>
        <translation>把拜访移到计划中的另一天</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the visit on its day and in its place when re-optimising</source>
        <translation>重新优化时保持该拜访的日期和顺序</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移出(&amp;R)</translation>
    </message>
    <message>
        <source>Take the visit out of the plan</source>
        <translation>把拜访移出计划</translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation>恢复(&amp;B)</translation>
    </message>
    <message>
        <source>Bring a removed visit back; re-optimise to place it</source>
        <translation>恢复已移出的拜访；重新优化后安排</translation>
    </message>
    <message>
        <source>&amp;Add customer…</source>
        <translation>添加客户(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a customer to the plan</source>
        <translation>向计划添加客户</translation>
    </message>
    <message>
        <source>Re-&amp;optimise</source>
        <translation>重新优化(&amp;O)</translation>
    </message>
    <message>
        <source>Plan the open visits again, keeping your changes and the logged visits</source>
        <translation>重新安排未完成的拜访，保留您的调整和已记录的拜访</translation>
    </message>
    <message>
        <source>Re-optimise this &amp;day</source>
        <translation>重排当天(&amp;D)</translation>
    </message>
    <message>
        <source>Plan the chosen day again; every other day stays as it is</source>
        <translation>只重新安排所选的这一天，其他日子保持不变</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the plan to carry (PDF)</source>
        <translation>打印随身携带的拜访计划（PDF）</translation>
    </message>
    <message>
        <source>Export to &amp;calendar (.ics)…</source>
        <translation>导出到日历(&amp;C)（.ics）…</translation>
    </message>
    <message>
        <source>One calendar event per visit, for phone and desktop calendars</source>
        <translation>每次拜访一个日历事件，可导入手机和电脑日历</translation>
    </message>
    <message>
        <source>Export as C&amp;SV…</source>
        <translation>导出为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>The plan as a spreadsheet table</source>
        <translation>以表格形式导出计划</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>解除锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Cancelled; the plans are as they were.</source>
        <translation>已取消；计划保持原样。</translation>
    </message>
    <message>
        <source>Not planned ({count})</source>
        <translation>未安排（{count}）</translation>
    </message>
    <message>
        <source>Removed ({count})</source>
        <translation>已移出（{count}）</translation>
    </message>
    <message>
        <source>No visit plan yet. Make one with New plan…, or from the visits due (What is due → Plan these visits…).</source>
        <translation>还没有拜访计划。请点“新建计划…”，或从应联系客户中制定（应联系客户 → 安排这些拜访…）。</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>{title} · {start} – {end}{who} · {logged}/{planned} logged</source>
        <translation>{title} · {start} – {end}{who} · 已记录 {logged}/{planned}</translation>
    </message>
    <message>
        <source>Planning the visits…</source>
        <translation>正在安排拜访…</translation>
    </message>
    <message>
        <source>Plan made and saved.</source>
        <translation>计划已制定并保存。</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>Delete this visit plan?</source>
        <translation>删除这个拜访计划？</translation>
    </message>
    <message>
        <source>The visits already logged stay in the customers&apos; contacts.</source>
        <translation>已记录的拜访仍保留在客户的联系记录中。</translation>
    </message>
    <message>
        <source>Plan deleted.</source>
        <translation>计划已删除。</translation>
    </message>
    <message>
        <source>Re-optimising the plan…</source>
        <translation>正在重新优化计划…</translation>
    </message>
    <message>
        <source>Re-optimised; your moves, locks and logged visits were kept.</source>
        <translation>已重新优化；您的移动、锁定和已记录的拜访均保留。</translation>
    </message>
    <message>
        <source>Re-optimising the day…</source>
        <translation>正在重排当天…</translation>
    </message>
    <message>
        <source>Re-optimised {day}; the other days were kept as they were.</source>
        <translation>已重排 {day}；其他日子保持不变。</translation>
    </message>
    <message>
        <source>Not changed.</source>
        <translation>未改动。</translation>
    </message>
    <message>
        <source>Move {name}</source>
        <translation>移动 {name}</translation>
    </message>
    <message>
        <source>Moved to {day}; it stays on that day when re-optimised.</source>
        <translation>已移到 {day}；重新优化时保持在这一天。</translation>
    </message>
    <message>
        <source>Removed; re-optimising will not bring it back (Bring back does).</source>
        <translation>已移出；重新优化不会加回（可用“恢复”）。</translation>
    </message>
    <message>
        <source>{name} added on {day}.</source>
        <translation>已将{name}添加到 {day}。</translation>
    </message>
    <message>
        <source>{name} added; re-optimise to place it.</source>
        <translation>已添加{name}；重新优化后安排。</translation>
    </message>
    <message>
        <source>Mark {name} done</source>
        <translation>标记 {name} 已完成</translation>
    </message>
    <message>
        <source>{name}: done.</source>
        <translation>{name}：已完成。</translation>
    </message>
    <message>
        <source>{name}: not met; stays due.</source>
        <translation>{name}：未见到；仍需联系。</translation>
    </message>
    <message>
        <source>{name}: rescheduled to {date}.</source>
        <translation>{name}：已改期到 {date}。</translation>
    </message>
    <message>
        <source>Printed to {path}</source>
        <translation>已打印到 {path}</translation>
    </message>
    <message>
        <source>visit-plan-{date}</source>
        <translation>拜访计划-{date}</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>导出计划</translation>
    </message>
    <message>
        <source>Could not write {path}: {problem}. Choose another place.</source>
        <translation>无法写入 {path}：{problem}。请选择其他位置。</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Not met…</source>
        <translation>未见到…</translation>
    </message>
    <message>
        <source>Rescheduled…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Move to &amp;day</source>
        <translation>移到其他日期(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PlanPrintDialog</name>
    <message>
        <source>Print the visit plan</source>
        <translation>打印拜访计划</translation>
    </message>
    <message>
        <source>{title}: {count} visits on {days} days, {start} to {end}</source>
        <translation>{title}：{days} 天共 {count} 次拜访，{start} 至 {end}</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>List the &amp;visits not planned ({count}), one line each, grouped by why</source>
        <translation>列出未排入的拜访（{count}）(&amp;V)，每位一行，按原因分组</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>可拜访时段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>No position known: travel to and from it is estimated.</source>
        <translation>没有坐标：往返路程为估算。</translation>
    </message>
    <message>
        <source>Outside the customer&apos;s free time ({window})</source>
        <translation>不在客户的空闲时段内（{window}）</translation>
    </message>
    <message>
        <source>Result: {text}</source>
        <translation>结果：{text}</translation>
    </message>
    <message>
        <source>Next step: {text}</source>
        <translation>下一步：{text}</translation>
    </message>
    <message>
        <source>Kept on its day and in its place when re-optimised</source>
        <translation>重新优化时保持日期和顺序</translation>
    </message>
    <message>
        <source>Kept on its day when re-optimised; the order may change</source>
        <translation>重新优化时保持日期；顺序可能变化</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Recorded as who made each change and logged each contact. Empty: your login name.</source>
        <translation>记录为每次修改和每次联系登记的操作人。留空则使用您的登录名。</translation>
    </message>
    <message>
        <source>e.g. 刘副总</source>
        <translation>例如 刘副总</translation>
    </message>
    <message>
        <source>Who phones the A-tier customers&apos; heads each month (the seed&apos;s vice-general-manager level); empty: the branch pack&apos;s name</source>
        <translation>每月与A类客户主要负责人电话沟通的副总级领导；留空：用网点规则包中的名字</translation>
    </message>
    <message>
        <source>Printed in the header of visit plans and tracking logs.</source>
        <translation>印在拜访计划和客户追踪志的页眉中。</translation>
    </message>
    <message>
        <source>Print phone numbers in full (otherwise 138****5678)</source>
        <translation>打印完整电话号码（否则为 138****5678）</translation>
    </message>
    <message>
        <source>Back up the archive when closing, if it changed</source>
        <translation>关闭时如档案有改动则自动备份</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>After this many minutes without use Kehu hides your customers, closes the archive and forgets its key; unlocking brings you back where you were. 0: never.</source>
        <translation>无操作达到此分钟数后，客户经营助手会隐藏客户、关闭档案并清除密钥；解锁后回到原来的位置。0 表示从不锁定。</translation>
    </message>
    <message>
        <source>The new language applies the next time Kehu starts.</source>
        <translation>新的语言将在下次启动客户经营助手时生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>网点(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Senior leader:</source>
        <translation>副总级领导(&amp;S)：</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>闲置后锁定(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first rows as the import reads them; under each header is the field it goes into.</source>
        <translation>按导入的读取方式显示前几行；每个列标题下方是它对应的字段。</translation>
    </message>
    <message>
        <source>The row of the file that holds the column headers; the rows above it (titles, notes) are left out.</source>
        <translation>文件中列标题所在的行；其上方的行（表名、说明）不导入。</translation>
    </message>
    <message>
        <source>&amp;Headers on row:</source>
        <translation>列标题所在行(&amp;H)：</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Not recognised or left out: choose a field for it on the next page.</source>
        <translation>未识别或不导入：可在下一页为它选择字段。</translation>
    </message>
    <message>
        <source>Rows: {rows}; columns: {columns}.</source>
        <translation>行数：{rows}；列数：{columns}。</translation>
    </message>
    <message>
        <source>Rows above the headers, left out: {count}.</source>
        <translation>列标题上方的行（标题、说明）不导入：{count}。</translation>
    </message>
    <message>
        <source>Blank rows skipped: {blank}.</source>
        <translation>跳过的空行：{blank}。</translation>
    </message>
    <message>
        <source>Shown: the first {shown}.</source>
        <translation>显示：前 {shown} 行。</translation>
    </message>
</context>
<context>
    <name>PrintDialogs</name>
    <message>
        <source>e.g. 城东支行 (printed in the page header)</source>
        <translation>例如：城东支行（印在页眉）</translation>
    </message>
    <message>
        <source>Print phone numbers in &amp;full (else 138****5678)</source>
        <translation>打印完整电话号码(&amp;F)（否则为 138****5678）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Print to PDF</source>
        <translation>打印为 PDF(&amp;P)</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <source>See the pages first, then save or print them</source>
        <translation>先看页面，再保存或打印</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>网点(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>PDF 保存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>请选择 PDF 的保存位置。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; choose another place.</source>
        <translation>文件夹 {folder} 不存在，请选择其他位置。</translation>
    </message>
    <message>
        <source>visit-plan-{date}</source>
        <translation>拜访计划-{date}</translation>
    </message>
    <message>
        <source>tracking-log</source>
        <translation>客户追踪志</translation>
    </message>
    <message>
        <source>tracking-log-{grade}-{period}-{date}</source>
        <translation>客户追踪志-{grade}级-{period}-{date}</translation>
    </message>
    <message>
        <source>due-list-{date}</source>
        <translation>到期客户清单-{date}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Preview: {title}</source>
        <translation>预览：{title}</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Pages: {count}</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <source>&amp;Save as PDF</source>
        <translation>保存为 PDF(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>The printer could not be started; check that it is connected and try again.</source>
        <translation>打印机无法启动；请检查打印机是否已连接，然后重试。</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
</context>
<context>
    <name>PromotionDialogs</name>
    <message>
        <source>activity-evaluation-{date}</source>
        <translation>活动评估-{date}</translation>
    </message>
    <message>
        <source>activity-plan-{date}</source>
        <translation>活动方案-{date}</translation>
    </message>
</context>
<context>
    <name>PromotionPrintDialog</name>
    <message>
        <source>Print the activity evaluation</source>
        <translation>打印活动评估</translation>
    </message>
    <message>
        <source>Print the activity plan</source>
        <translation>打印活动方案</translation>
    </message>
</context>
<context>
    <name>Promotions</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Before the activity</source>
        <translation>活动前</translation>
    </message>
    <message>
        <source>Promoting the activity</source>
        <translation>活动推广</translation>
    </message>
    <message>
        <source>During the activity</source>
        <translation>活动中</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>There is no plan template for the area type &apos;{key}&apos;. Pick one of the five area types.</source>
        <translation>商圈类型 &apos;{key}&apos; 没有方案模板。请选择五种商圈类型之一。</translation>
    </message>
    <message>
        <source>value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>opportunity grade</source>
        <translation>商机等级</translation>
    </message>
    <message>
        <source>RFM type</source>
        <translation>RFM 类型</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>细分客群</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>{kind}: {values}</source>
        <translation>{kind}：{values}</translation>
    </message>
    <message>
        <source>area type: {types}</source>
        <translation>商圈类型：{types}</translation>
    </message>
    <message>
        <source>area: {areas}</source>
        <translation>区域：{areas}</translation>
    </message>
    <message>
        <source>circle: {circles}</source>
        <translation>圈子：{circles}</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>A plan needs a title.</source>
        <translation>方案需要一个标题。</translation>
    </message>
    <message>
        <source>Unknown goal &apos;{key}&apos;: pick one of 提粘守破立.</source>
        <translation>未知的目标 &apos;{key}&apos;：请从提粘守破立中选择。</translation>
    </message>
    <message>
        <source>Unknown activity type &apos;{key}&apos;.</source>
        <translation>未知的活动类型 &apos;{key}&apos;。</translation>
    </message>
    <message>
        <source>Unknown area type &apos;{key}&apos;.</source>
        <translation>未知的商圈类型 &apos;{key}&apos;。</translation>
    </message>
    <message>
        <source>The activity ends before it starts: correct the times.</source>
        <translation>活动结束时间早于开始时间：请更正时间。</translation>
    </message>
    <message>
        <source>Budget line {n} needs an item.</source>
        <translation>预算第 {n} 行需要填写项目。</translation>
    </message>
    <message>
        <source>Budget line {n}: quantity and unit cost must be zero or more.</source>
        <translation>预算第 {n} 行：数量和单价不能为负数。</translation>
    </message>
    <message>
        <source>Staffing line {n} needs a name.</source>
        <translation>人员第 {n} 行需要填写姓名。</translation>
    </message>
    <message>
        <source>Schedule line {n} needs a description.</source>
        <translation>日程第 {n} 行需要填写内容。</translation>
    </message>
    <message>
        <source>This activity is done; its plan can no longer be changed. Record the outcome instead.</source>
        <translation>该活动已完成，方案不能再修改。请改为记录活动结果。</translation>
    </message>
    <message>
        <source>Promotion plan {id} does not exist (any more).</source>
        <translation>促销活动方案 {id} 不存在（或已删除）。</translation>
    </message>
    <message>
        <source>Only a draft plan can be deleted; this one has been approved.</source>
        <translation>只能删除草稿方案；该方案已批准。</translation>
    </message>
    <message>
        <source>A plan that is {old} cannot become {new}. Allowed next: {allowed}.</source>
        <translation>处于“{old}”状态的方案不能变为“{new}”。允许的下一状态：{allowed}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The plan has no checklist item &apos;{key}&apos; in this phase.</source>
        <translation>该方案在此阶段没有检查项 &apos;{key}&apos;。</translation>
    </message>
    <message>
        <source>Walk-ins must be zero or more.</source>
        <translation>临时参与人数不能为负数。</translation>
    </message>
    <message>
        <source>New customers must be zero or more.</source>
        <translation>新增客户数不能为负数。</translation>
    </message>
    <message>
        <source>The deal window must be 0 to 366 days.</source>
        <translation>成交统计期须为 0 到 366 天。</translation>
    </message>
    <message>
        <source>Record the outcome once the activity is running or done; this plan has not started.</source>
        <translation>请在活动进行中或完成后记录结果；该方案尚未开始。</translation>
    </message>
    <message>
        <source>No customer with id {ids}.</source>
        <translation>没有编号为 {ids} 的客户。</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Area type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Supporting resources</source>
        <translation>支持资源</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>活动组织</translation>
    </message>
    <message>
        <source>Daily contact</source>
        <translation>日常联系</translation>
    </message>
    <message>
        <source>Other key points</source>
        <translation>其他关键点</translation>
    </message>
    <message>
        <source>Key principles</source>
        <translation>关键原则(锦囊)</translation>
    </message>
    <message>
        <source>Target audience</source>
        <translation>目标客群</translation>
    </message>
    <message>
        <source>{audience} ({count} customers)</source>
        <translation>{audience}（{count} 位客户）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>done {date} ({by})</source>
        <translation>已完成 {date}（{by}）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>No items.</source>
        <translation>无检查项。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Staffing</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>No one assigned yet.</source>
        <translation>尚未安排人员。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>日程安排</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>No schedule yet.</source>
        <translation>尚无日程。</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>执行检查表</translation>
    </message>
    <message>
        <source>Approved by: ____________________    Date: ____________</source>
        <translation>审批人：____________________    日期：____________</translation>
    </message>
    <message>
        <source>{report}: {title}</source>
        <translation>{report}：{title}</translation>
    </message>
    <message>
        <source>Promotion plan</source>
        <translation>促销活动方案</translation>
    </message>
    <message>
        <source>{start} to {end} ({days} days after the end)</source>
        <translation>{start} 至 {end}（活动结束后 {days} 天）</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>{total} ({picked} customers, {walk_ins} walk-ins)</source>
        <translation>{total}（{picked} 位客户，{walk_ins} 位临时参与）</translation>
    </message>
    <message>
        <source>{size} customers: {audience}</source>
        <translation>{size} 位客户：{audience}</translation>
    </message>
    <message>
        <source>Reached in the audience</source>
        <translation>目标客群覆盖</translation>
    </message>
    <message>
        <source>{count} ({share})</source>
        <translation>{count}（{share}）</translation>
    </message>
    <message>
        <source>Deal window</source>
        <translation>成交统计期</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交笔数</translation>
    </message>
    <message>
        <source>{deals} by {customers} customers</source>
        <translation>{deals} 笔，来自 {customers} 位客户</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Cost per participant</source>
        <translation>人均成本</translation>
    </message>
    <message>
        <source>Cost per deal</source>
        <translation>单笔成交成本</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>目标客群</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>{type} · {area_type} · {time} · {place}</source>
        <translation>{type} · {area_type} · {time} · {place}</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>活动总结</translation>
    </message>
    <message>
        <source>Customers who took part</source>
        <translation>参与客户</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>In audience</source>
        <translation>属目标客群</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>No customers were recorded as taking part.</source>
        <translation>没有记录参与的客户。</translation>
    </message>
    <message>
        <source>Compared with past activities</source>
        <translation>与以往活动对比</translation>
    </message>
    <message>
        <source>The first row is this activity; audience is the number of customers in its target group.</source>
        <translation>第一行为本次活动；目标客群为其目标客户数。</translation>
    </message>
    <message>
        <source>Activity evaluation</source>
        <translation>活动评估报告</translation>
    </message>
</context>
<context>
    <name>Purge</name>
    <message>
        <source>The purge would leave references to missing records ({table}); nothing was purged.</source>
        <translation>清除后会留下指向不存在记录的引用（{table}），因此未清除任何内容。</translation>
    </message>
    <message>
        <source>There is no customer {ids} in the archive (perhaps already purged). Nothing was purged.</source>
        <translation>档案中没有客户 {ids}（可能已被清除）。未清除任何内容。</translation>
    </message>
    <message>
        <source>Only deleted customers can be purged; customer {ids} is not deleted. Delete it first. Nothing was purged.</source>
        <translation>只能彻底清除已删除的客户；客户 {ids} 尚未删除。请先删除。未清除任何内容。</translation>
    </message>
    <message>
        <source>The backup {path} failed its check after the purge ({result}).</source>
        <translation>备份 {path} 在清除后未通过检查（{result}）。</translation>
    </message>
    <message>
        <source>Cleaning the backups…</source>
        <translation>正在清理备份…</translation>
    </message>
    <message>
        <source>Choose the deleted customers to purge.</source>
        <translation>请选择要彻底清除的已删除客户。</translation>
    </message>
    <message>
        <source>Give the reason for the purge; it is kept in the audit trail.</source>
        <translation>请填写清除原因，原因会记入审计日志。</translation>
    </message>
    <message>
        <source>Purging the archive…</source>
        <translation>正在清除档案中的数据…</translation>
    </message>
    <message>
        <source>Deleted customers purged</source>
        <translation>彻底清除已删除客户</translation>
    </message>
    <message>
        <source>{count} customers purged ({rows} records removed); {backups} backups cleaned.</source>
        <translation>已彻底清除 {count} 位客户（删除 {rows} 条记录）；已清理 {backups} 个备份。</translation>
    </message>
    <message>
        <source>{count} backups could not be cleaned and still hold the customers (another passphrase, or damaged); delete them if they are not needed: {files}</source>
        <translation>{count} 个备份无法清理，仍含这些客户（口令不同或已损坏）；如不再需要请删除：{files}</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge deleted customers</source>
        <translation>彻底清除已删除客户</translation>
    </message>
    <message>
        <source>Purging removes the customers you tick for good: their record, change history, contacts, purchases, grades, visits, circle memberships and search entries, in this archive and in its backups in {folder}. It cannot be undone. Customers must be deleted first.</source>
        <translation>彻底清除会永久删除您勾选的客户：其记录、修改历史、联系记录、购买记录、分级、拜访、圈子成员身份和搜索条目，范围包括本档案及 {folder} 中的备份。此操作无法撤销。客户须先删除。</translation>
    </message>
    <message>
        <source>Double-click a customer to open the record</source>
        <translation>双击客户可打开其记录</translation>
    </message>
    <message>
        <source>There are no deleted customers.</source>
        <translation>没有已删除的客户。</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. the customer asked for their data to be removed</source>
        <translation>例如：客户要求删除其资料</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the audit trail):</source>
        <translation>原因（记入审计日志）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>彻底清除(&amp;P)…</translation>
    </message>
    <message>
        <source>{name} (no. {id}), deleted {date}</source>
        <translation>{name}（编号 {id}），{date} 删除</translation>
    </message>
    <message>
        <source>Purge {count} customers for good?</source>
        <translation>要彻底清除 {count} 位客户吗？</translation>
    </message>
    <message>
        <source>They are removed from the archive and its backups; this cannot be undone.</source>
        <translation>他们将从档案及其备份中删除；此操作无法撤销。</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>正在彻底清除…</translation>
    </message>
    <message>
        <source>The purge was stopped before the archive was changed; backups already cleaned stay clean.</source>
        <translation>清除在档案改动之前已停止；已清理的备份保持清理后的状态。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>{title} {year}: accounts by the year&apos;s volume; equal volumes share a rank.</source>
        <translation>{year} {title}：按年度销量排名；销量相同名次相同。</translation>
    </message>
    <message>
        <source>★ {title}</source>
        <translation>★ {title}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Volume ({unit})</source>
        <translation>销量（{unit}）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Reward tier</source>
        <translation>奖励档次</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Install the Microsoft YaHei or SimSun font (Windows Settings → Fonts → Chinese supplemental fonts).</source>
        <translation>请安装微软雅黑或宋体字体（Windows 设置 → 字体 → 中文补充字体）。</translation>
    </message>
    <message>
        <source>Install a TrueType Chinese font such as STHeiti, or put a .ttf/.ttc Chinese font in the program&apos;s resources/fonts folder.</source>
        <translation>请安装 TrueType 中文字体（如华文黑体），或把 .ttf/.ttc 中文字体放到程序的 resources/fonts 文件夹。</translation>
    </message>
    <message>
        <source>Install the WenQuanYi Micro Hei font (package fonts-wqy-microhei: sudo apt install fonts-wqy-microhei); none of the fonts in {folders} has Chinese TrueType outlines.</source>
        <translation>请安装文泉驿微米黑字体（软件包 fonts-wqy-microhei：sudo apt install fonts-wqy-microhei）；{folders} 中没有一种字体带有中文 TrueType 轮廓。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found, so PDFs cannot be made. {hint} (Noto/Source Han CJK fonts do not work: their outlines cannot be embedded.)</source>
        <translation>没有找到 TrueType 中文字体，无法生成 PDF。{hint}（思源/Noto CJK 字体不可用：其字形无法嵌入。）</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>逾期{days}天</translation>
    </message>
    <message>
        <source>Branch: {branch}</source>
        <translation>网点：{branch}</translation>
    </message>
    <message>
        <source>Manager: {manager}</source>
        <translation>客户经理：{manager}</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>期间：{period}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印日期 {date}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Daily tracking log</source>
        <translation>客户追踪日志</translation>
    </message>
    <message>
        <source>Weekly tracking log</source>
        <translation>客户追踪周志</translation>
    </message>
    <message>
        <source>Half-monthly tracking log</source>
        <translation>客户追踪半月志</translation>
    </message>
    <message>
        <source>Monthly tracking log</source>
        <translation>客户追踪月志</translation>
    </message>
    <message>
        <source>{log}: opportunity grade {grade}</source>
        <translation>{log}：商机{grade}级</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Last tracking</source>
        <translation>上次追踪</translation>
    </message>
    <message>
        <source>every {days} days</source>
        <translation>每{days}天</translation>
    </message>
    <message>
        <source>{count} customers of opportunity grade {grade}, tracked {every}</source>
        <translation>商机{grade}级客户 {count} 位，{every}追踪一次</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>{tier}类</translation>
    </message>
    <message>
        <source>opportunity {grade}</source>
        <translation>商机{grade}级</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>KeyMan</source>
        <translation>KeyMan</translation>
    </message>
    <message>
        <source>101 agreement</source>
        <translation>101协议</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <source>{number}. {part} — {score}</source>
        <translation>{number}. {part} — {score}</translation>
    </message>
    <message>
        <source>Evidence: {files}</source>
        <translation>证据：{files}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Score: — (no item applies)</source>
        <translation>得分：—（没有适用的检查项）</translation>
    </message>
    <message>
        <source>Score: {score} — weights of the items met {met} of {applicable} applicable (not applicable, left out: {na})</source>
        <translation>得分：{score} — 达标项权重 {met}，适用项权重 {applicable}（不适用项不计：{na} 项）</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>No follow-up actions.</source>
        <translation>无跟进事项。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation>{date} 完成</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Our side (我方)</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Partner (合作伙伴)</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Signature: {line}</source>
        <translation>签字：{line}</translation>
    </message>
    <message>
        <source>Date: {line}</source>
        <translation>日期：{line}</translation>
    </message>
    <message>
        <source>101 checklist: {partner}</source>
        <translation>101检查表：{partner}</translation>
    </message>
    <message>
        <source>{date} (run {number})</source>
        <translation>{date}（第 {number} 次）</translation>
    </message>
    <message>
        <source>Partner 101 checklist</source>
        <translation>合作伙伴101检查表</translation>
    </message>
    <message>
        <source>The A-tier customers with the largest volume of the year; honour: {reward}.</source>
        <translation>年度内交易量靠前的A类客户；奖励：{reward}。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Volume ({unit})</source>
        <translation>交易量（{unit}）</translation>
    </message>
    <message>
        <source>No A-tier customer has volume in this year.</source>
        <translation>本年度没有A类客户有交易量。</translation>
    </message>
    <message>
        <source>Volume rewards {year}</source>
        <translation>{year} 年交易量奖励</translation>
    </message>
    <message>
        <source>Tier reached</source>
        <translation>达到档次</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Missing for the next tier</source>
        <translation>距下一档</translation>
    </message>
    <message>
        <source>top tier</source>
        <translation>最高档</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未达到</translation>
    </message>
    <message>
        <source>No A-tier customers.</source>
        <translation>没有A类客户。</translation>
    </message>
    <message>
        <source>A-tier rewards and top ten</source>
        <translation>A类客户奖励与十佳</translation>
    </message>
    <message>
        <source>never visited</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days}天</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Visits due ({count})</source>
        <translation>应拜访（{count}）</translation>
    </message>
    <message>
        <source>Calls due ({count})</source>
        <translation>应致电（{count}）</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>到期客户清单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step and date</source>
        <translation>下一步及日期</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未见到</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>{reason} ({count})</source>
        <translation>{reason}（{count}）</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>未排入</translation>
    </message>
    <message>
        <source>No targets are set for {month}: the actuals are shown alone.</source>
        <translation>{month} 未设定目标：只列出实际完成。</translation>
    </message>
    <message>
        <source>And {count} more calls due: the due list has them all.</source>
        <translation>另有 {count} 个到期电话，见到期客户清单。</translation>
    </message>
    <message>
        <source>{weekday}: not a working day ({days} working days in {month}).</source>
        <translation>{weekday}：非工作日（{month} 共 {days} 个工作日）。</translation>
    </message>
    <message>
        <source>{weekday}, working day {number} of {days} in {month}.</source>
        <translation>{weekday}，{month} 共 {days} 个工作日中的第 {number} 个。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>日子</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Today&apos;s targets</source>
        <translation>今日目标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月目标</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Done before today</source>
        <translation>今天前已完成</translation>
    </message>
    <message>
        <source>Due before today</source>
        <translation>今天前应完成</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Today&apos;s plan ({count})</source>
        <translation>今日计划（{count}）</translation>
    </message>
    <message>
        <source>Care calls ({count})</source>
        <translation>关怀电话（{count}）</translation>
    </message>
    <message>
        <source>Open follow-ups ({count})</source>
        <translation>未完成的跟进事项（{count}）</translation>
    </message>
    <message>
        <source>Notes of the morning meeting</source>
        <translation>晨会记录</translation>
    </message>
    <message>
        <source>Morning sheet</source>
        <translation>晨会表</translation>
    </message>
    <message>
        <source>Results against the targets</source>
        <translation>目标完成情况</translation>
    </message>
    <message>
        <source>Today&apos;s target</source>
        <translation>今日目标</translation>
    </message>
    <message>
        <source>Today&apos;s result</source>
        <translation>今日完成</translation>
    </message>
    <message>
        <source>Ahead (+) or behind today</source>
        <translation>今日超额(+)/差额</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>累计目标</translation>
    </message>
    <message>
        <source>Result to date</source>
        <translation>累计完成</translation>
    </message>
    <message>
        <source>Ahead (+) or behind to date</source>
        <translation>累计超额(+)/差额</translation>
    </message>
    <message>
        <source>Visits done ({count})</source>
        <translation>已完成的拜访（{count}）</translation>
    </message>
    <message>
        <source>Moves to {date}: visits not done ({count})</source>
        <translation>顺延到 {date}：未完成的拜访（{count}）</translation>
    </message>
    <message>
        <source>Moves to {date}: calls not made ({count})</source>
        <translation>顺延到 {date}：未打的电话（{count}）</translation>
    </message>
    <message>
        <source>Moves to {date}: care calls still open ({count})</source>
        <translation>顺延到 {date}：未完成的关怀电话（{count}）</translation>
    </message>
    <message>
        <source>Care calls missed today ({count})</source>
        <translation>今天错过的关怀电话（{count}）</translation>
    </message>
    <message>
        <source>Notes of the evening review</source>
        <translation>夕会记录</translation>
    </message>
    <message>
        <source>Evening sheet</source>
        <translation>夕会表</translation>
    </message>
    <message>
        <source>Address / area</source>
        <translation>地址 / 区域</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>可拜访时段</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Last contact and result</source>
        <translation>上次联系及结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>No visits are planned in this period.</source>
        <translation>本期间没有安排拜访。</translation>
    </message>
    <message>
        <source>{weekday} {date}: {count} visits, {km} km by straight line</source>
        <translation>{weekday} {date}：{count}个拜访，直线距离{km}公里</translation>
    </message>
    <message>
        <source>{done} done, {logged} logged</source>
        <translation>已完成 {done} 个，已记录 {logged} 个</translation>
    </message>
    <message>
        <source>Manager&apos;s signature: ____________________    Date: ____________    Checked by: ____________________</source>
        <translation>客户经理签字：____________________    日期：____________    复核人：____________________</translation>
    </message>
    <message>
        <source>Not planned ({count})</source>
        <translation>未排入计划（{count}）</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>到期原因</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>What this backup holds</source>
        <translation>此备份的内容</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Format version</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Newest change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Changed since this backup: leaves the archive</source>
        <translation>此备份之后的变化：恢复后将不在档案中</translation>
    </message>
    <message>
        <source>The archive is closed while it is restored, then opened again. The current file is first kept as a backup of its own, so a restore can be undone.</source>
        <translation>恢复期间档案会先关闭，完成后重新打开。当前文件会先另存为一份备份，因此恢复可以撤销。</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Passphrase…</source>
        <translation>密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first:</source>
        <translation>{name} 的备份（最新的在前）：</translation>
    </message>
    <message>
        <source>There are no backups of {name} yet. Back up with Archive → Back up now.</source>
        <translation>{name} 还没有备份。请用“档案 → 立即备份”进行备份。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Damaged: cannot be restored</source>
        <translation>已损坏：无法恢复</translation>
    </message>
    <message>
        <source>The archive cannot be compared with this backup; what changed since is kept in the replaced file.</source>
        <translation>无法将档案与此备份比较；此后的变化保存在被替换的文件中。</translation>
    </message>
    <message>
        <source>Restoring this backup takes these changes out of the archive:</source>
        <translation>恢复此备份会使以下变化不再在档案中：</translation>
    </message>
    <message>
        <source>They stay in the replaced file, kept as a backup of its own; the audit trail is carried over.</source>
        <translation>它们保存在被替换的文件里（另存为一份备份）；审计日志会带入恢复后的档案。</translation>
    </message>
    <message>
        <source>&amp;Restore and take them out</source>
        <translation>恢复并移出这些变化(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RestoreLoss</name>
    <message>
        <source>Customers added</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Customers edited or deleted</source>
        <translation>修改或删除的客户</translation>
    </message>
    <message>
        <source>Contacts logged</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Visit plans</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Activity plans</source>
        <translation>活动方案</translation>
    </message>
    <message>
        <source>101 checklist runs</source>
        <translation>101检查</translation>
    </message>
    <message>
        <source>Store checks</source>
        <translation>门店检查</translation>
    </message>
    <message>
        <source>Nothing changed since this backup was taken.</source>
        <translation>此备份之后没有变化。</translation>
    </message>
    <message>
        <source>{label}: {count}</source>
        <translation>{label}：{count}</translation>
    </message>
    <message>
        <source> (newest: {names})</source>
        <translation>（最近：{names}）</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Grades written</source>
        <translation>等级已写入</translation>
    </message>
    <message>
        <source>Computed grades: {changed} changes (value tier {tier}, RFM type {rfm}, persona {persona}); {kept} grades set by hand were kept.</source>
        <translation>计算出的等级：{changed} 处变化（价值分级 {tier}，RFM 类型 {rfm}，客户画像 {persona}）；保留了 {kept} 个手动设定的等级。</translation>
    </message>
    <message>
        <source>Opportunity grades: {written} written, {same} already as answered.</source>
        <translation>商机等级：写入 {written} 个，{same} 个已与回答一致。</translation>
    </message>
    <message>
        <source>{count} answered customers were deleted meanwhile and left out.</source>
        <translation>有 {count} 位已回答的客户在此期间被删除，已略过。</translation>
    </message>
    <message>
        <source>Every grade is in the customer&apos;s grade history with its reason.</source>
        <translation>每个等级及其理由都记录在客户的等级历史中。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review the changes</source>
        <translation>检查变化</translation>
    </message>
    <message>
        <source>Every grade that will change, with the reason. Apply writes the computed grades and your answers together: all of it, or nothing.</source>
        <translation>列出每个将要变化的等级及原因。“应用”会把计算出的等级和您的回答一并写入：要么全部写入，要么什么都不写。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Write the &amp;computed grades (value tier, RFM type, persona)</source>
        <translation>写入计算出的等级(&amp;C)（价值分级、RFM 类型、客户画像）</translation>
    </message>
    <message>
        <source>Write the &amp;opportunity grades, deal status and urgency from your answers</source>
        <translation>按您的回答写入商机等级、成交状态和处理期限(&amp;O)</translation>
    </message>
    <message>
        <source>{computed} computed grade changes for {customers} customers; {answers} opportunity grades from your answers ({skipped} customers skipped or not reached). {kept} grades set by hand are kept.</source>
        <translation>{customers} 位客户的计算等级有 {computed} 处变化；根据您的回答有 {answers} 个商机等级（{skipped} 位客户跳过或未到达）。保留 {kept} 个手动设定的等级。</translation>
    </message>
    <message>
        <source>Writing the grades…</source>
        <translation>正在写入等级…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>RewardsPrintDialog</name>
    <message>
        <source>Print the rewards and top ten</source>
        <translation>打印奖励与十佳</translation>
    </message>
    <message>
        <source>Year {year}</source>
        <translation>{year} 年</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Customers without a position</source>
        <translation>没有坐标的客户</translation>
    </message>
    <message>
        <source>Without a position ({count}): not drawn; the route estimates the travel to them.</source>
        <translation>没有坐标（{count}）：未画出；到他们的路程为估算。</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <source>{m} m</source>
        <translation>{m} 米</translation>
    </message>
    <message>
        <source>Route of the day</source>
        <translation>当天路线</translation>
    </message>
    <message>
        <source>Choose a day of the plan to see its route.</source>
        <translation>选择计划中的一天以查看路线。</translation>
    </message>
    <message>
        <source>No visits on this day.</source>
        <translation>这一天没有拜访。</translation>
    </message>
    <message>
        <source>None of this day&apos;s customers has a position; they are listed beside.</source>
        <translation>这一天的客户都没有坐标，已列在旁边。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>出发点</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未见到</translation>
    </message>
    <message>
        <source>approximate position</source>
        <translation>大致位置</translation>
    </message>
    <message>
        <source>Position approximate (the area&apos;s)</source>
        <translation>大致位置（所在区域的坐标）</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>Whom to grade</source>
        <translation>为谁分级</translation>
    </message>
    <message>
        <source>Choose the customers and the day to grade them for. Value tier, RFM type and persona are worked out from the archive; you then answer two questions per customer for the opportunity grade.</source>
        <translation>选择客户和分级的基准日期。价值分级、RFM 类型和客户画像根据档案计算；然后您为每位客户回答两个问题，以评定商机等级。</translation>
    </message>
    <message>
        <source>&amp;Continue where you stopped</source>
        <translation>从上次停下的地方继续(&amp;C)</translation>
    </message>
    <message>
        <source>Start &amp;afresh</source>
        <translation>重新开始(&amp;A)</translation>
    </message>
    <message>
        <source>Choose a new scope; the answers not yet applied are forgotten when you go on</source>
        <translation>选择新的范围；继续后，尚未应用的回答将被丢弃</translation>
    </message>
    <message>
        <source>My &amp;book:</source>
        <translation>我的管户(&amp;B)：</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>An a&amp;rea:</source>
        <translation>某个区域(&amp;R)：</translation>
    </message>
    <message>
        <source>A saved &amp;view:</source>
        <translation>已保存的视图(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Ungraded customers (missing a value tier, RFM type or persona)</source>
        <translation>未分级的客户(&amp;U)（缺少价值分级、RFM 类型或客户画像）</translation>
    </message>
    <message>
        <source>Customers whose grade is &amp;older than</source>
        <translation>等级设定已超过(&amp;O)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Grade as of &amp;date:</source>
        <translation>分级基准日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Last grading run: as of {as_of}, on {when} by {by}.</source>
        <translation>上次分级：基准日 {as_of}，{when} 由 {by} 执行。</translation>
    </message>
    <message>
        <source>You stopped grading &lt;b&gt;{scope}&lt;/b&gt; (as of {as_of}) at customer {position} of {total}, with {answered} answers not yet applied. Saved {when}.</source>
        <translation>您上次为 &lt;b&gt;{scope}&lt;/b&gt; 分级（基准日 {as_of}）停在第 {position} / {total} 位客户，有 {answered} 个回答尚未应用。保存于 {when}。</translation>
    </message>
    <message>
        <source>the customers of {name}</source>
        <translation>{name} 的客户</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>area {name}</source>
        <translation>区域 {name}</translation>
    </message>
    <message>
        <source>view {name}</source>
        <translation>视图 {name}</translation>
    </message>
    <message>
        <source>ungraded customers</source>
        <translation>未分级的客户</translation>
    </message>
    <message>
        <source>customers graded more than {days} days ago</source>
        <translation>{days} 天前分级的客户</translation>
    </message>
    <message>
        <source>{count} customers in this scope.</source>
        <translation>此范围内有 {count} 位客户。</translation>
    </message>
    <message>
        <source>No customer is in this scope; choose another.</source>
        <translation>此范围内没有客户；请选择其他范围。</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>A-tier service</source>
        <translation>A类客户服务</translation>
    </message>
    <message>
        <source>Print the &amp;call list…</source>
        <translation>打印电话清单(&amp;C)…</translation>
    </message>
    <message>
        <source>Print &amp;rewards and top ten…</source>
        <translation>打印奖励与十佳(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Volume rewards of the A-tier customers</source>
        <translation>A类客户交易量奖励</translation>
    </message>
    <message>
        <source>Senior leader&apos;s calls</source>
        <translation>副总级领导电话</translation>
    </message>
    <message>
        <source>Rewards and top ten</source>
        <translation>奖励与十佳</translation>
    </message>
    <message>
        <source>Finding the A-tier customers…</source>
        <translation>正在查找A类客户…</translation>
    </message>
    <message>
        <source>{name} phones the head of each A-tier customer once a month (seed 002: 副总级领导每月电话沟通). Due in the next 30 days: {count}.</source>
        <translation>{name}每月与每个A类客户的主要负责人电话沟通一次（副总级领导每月电话沟通）。未来30天到期：{count} 个。</translation>
    </message>
    <message>
        <source>No senior leader is named: name one in Preferences (or in the branch pack) to plan the monthly calls.</source>
        <translation>没有指定副总级领导：请在首选项（或网点规则包）中指定，以安排每月电话。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Volume ({unit})</source>
        <translation>交易量（{unit}）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Tier reached and what is missing</source>
        <translation>达到档次与差距</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <source>evening-sheet</source>
        <translation>夕会表</translation>
    </message>
    <message>
        <source>morning-sheet</source>
        <translation>晨会表</translation>
    </message>
    <message>
        <source>Print the evening sheet</source>
        <translation>打印夕会表</translation>
    </message>
    <message>
        <source>Print the morning sheet</source>
        <translation>打印晨会表</translation>
    </message>
    <message>
        <source>{name}, {date}</source>
        <translation>{name}，{date}</translation>
    </message>
</context>
<context>
    <name>StorageLocation</name>
    <message>
        <source>The archive {path} is in a folder synced by {service}. Syncing copies the archive while the program writes it, and can keep an older copy when two computers change it, which damages or loses work. Keep the archive in a local folder that is not synced (for example in Documents), and rely on its backups; to keep a copy in the cloud, copy a backup there.</source>
        <translation>档案 {path} 位于 {service} 同步的文件夹中。同步会在程序写入档案时复制它，两台电脑都改动时还可能保留较旧的副本，从而损坏档案或丢失工作成果。请把档案放在不同步的本地文件夹（例如“文档”）中，并依靠它的备份；如需在云端保留一份，请把备份复制过去。</translation>
    </message>
    <message>
        <source>The archive {path} is on a network drive ({kind}). File locking and SQLite&apos;s write-ahead log do not work reliably over a network: two computers could write at once, and a connection lost during a save can damage the archive. Keep the archive in a local folder on this computer, and rely on its backups; to share or carry it, copy a backup.</source>
        <translation>档案 {path} 位于网络驱动器上（{kind}）。文件锁和 SQLite 的预写日志在网络上不能可靠工作：两台电脑可能同时写入，保存时断开连接也可能损坏档案。请把档案放在本机的本地文件夹中，并依靠它的备份；如需共享或携带，请复制一份备份。</translation>
    </message>
    <message>
        <source>network drive {drive}</source>
        <translation>网络驱动器 {drive}</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
</context>
<context>
    <name>StoreCheckDialog</name>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>New store check</source>
        <translation>新建门店检查</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>门店(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Checked &amp;by:</source>
        <translation>检查人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>No commitments are in force at this store on that day. Add the account&apos;s merchandising commitments on the Commitments tab first.</source>
        <translation>这家门店在这一天没有生效的承诺。请先在“生动化承诺”页添加该客户的承诺。</translation>
    </message>
    <message>
        <source>Tab moves through the rows; Alt+1 compliant, Alt+2 partly, Alt+3 not compliant, Alt+4 not checked for the row being edited. Partly counts half; not checked is left out of the score.</source>
        <translation>用 Tab 在各行间移动；在正在编辑的行按 Alt+1 符合、Alt+2 部分符合、Alt+3 不符合、Alt+4 未检查。部分符合按一半计分；未检查的不计入得分。</translation>
    </message>
    <message>
        <source>{name} is not a picture that can be shown; attach a photo in JPEG or PNG.</source>
        <translation>{name} 不是可以显示的图片；请添加 JPEG 或 PNG 格式的照片。</translation>
    </message>
    <message>
        <source>Score: {score} ({checked} of {total} commitments checked)</source>
        <translation>得分：{score}（{total} 项承诺中检查了 {checked} 项）</translation>
    </message>
</context>
<context>
    <name>StoreCheckPrintDialog</name>
    <message>
        <source>Print the store check</source>
        <translation>打印门店检查</translation>
    </message>
</context>
<context>
    <name>StoreChecks</name>
    <message>
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>部分符合</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>A store check needs its date.</source>
        <translation>门店检查需要日期。</translation>
    </message>
    <message>
        <source>The check date is in the future.</source>
        <translation>检查日期在未来。</translation>
    </message>
    <message>
        <source>Say who checked the store.</source>
        <translation>请填写检查人。</translation>
    </message>
    <message>
        <source>The store has no commitments to check; add the account&apos;s commitments first.</source>
        <translation>这家门店没有可检查的承诺；请先添加该客户的承诺。</translation>
    </message>
    <message>
        <source>&apos;{result}&apos; is not a check result.</source>
        <translation>“{result}”不是检查结果。</translation>
    </message>
    <message>
        <source>Choose a store, not a region.</source>
        <translation>请选择门店，而不是大区。</translation>
    </message>
    <message>
        <source>This store check is no longer in the archive.</source>
        <translation>这次门店检查已不在档案中。</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>编号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>(directly under the head office)</source>
        <translation>（直属总部）</translation>
    </message>
    <message>
        <source>e.g. 31.23</source>
        <translation>例如 31.23</translation>
    </message>
    <message>
        <source>e.g. 121.47</source>
        <translation>例如 121.47</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>大区(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>城市(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>纬度(&amp;L)：</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>经度(&amp;O)：</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey: {name}</source>
        <translation>满意度调查：{name}</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source> of {scale}</source>
        <translation> / {scale}</translation>
    </message>
    <message>
        <source>{question}:</source>
        <translation>{question}：</translation>
    </message>
    <message>
        <source>optional: what the customer added</source>
        <translation>可选：客户补充的意见</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>1 very dissatisfied … {scale} very satisfied</source>
        <translation>1 非常不满意 … {scale} 非常满意</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <source>This customer no longer exists (or was deleted); the survey was not recorded.</source>
        <translation>该客户已不存在（或已删除），调查未记录。</translation>
    </message>
    <message>
        <source>The survey&apos;s date is not a date (YYYY-MM-DD): {value}</source>
        <translation>调查日期不是日期（YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <source>Unknown question {key}.</source>
        <translation>未知的问题 {key}。</translation>
    </message>
    <message>
        <source>Answer every question; &quot;{question}&quot; has no score.</source>
        <translation>请回答每个问题；“{question}”还没有评分。</translation>
    </message>
    <message>
        <source>&quot;{question}&quot; is scored 1 to {scale}, not {score}.</source>
        <translation>“{question}”的评分为 1 至 {scale}，不能是 {score}。</translation>
    </message>
</context>
<context>
    <name>SurveysPanel</name>
    <message>
        <source>Record &amp;survey…</source>
        <translation>记录调查(&amp;S)…</translation>
    </message>
    <message>
        <source>Ask the satisfaction survey (满意度调查) and keep the answers</source>
        <translation>进行满意度调查并保存回答</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>{count} survey(s); latest {score:.2f} of {scale} on {date}; {change} since the first</source>
        <translation>共 {count} 份调查；最近一次 {date} 得分 {score:.2f} / {scale}；较第一次变化 {change}</translation>
    </message>
    <message>
        <source>No survey yet.</source>
        <translation>尚无调查。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Target for a period</source>
        <translation>周期目标</translation>
    </message>
    <message>
        <source>2026-03 (a month) or 2026-Q1 (a quarter)</source>
        <translation>2026-03（月）或 2026-Q1（季度）</translation>
    </message>
    <message>
        <source>empty: summed from the linked outlets&apos; transactions</source>
        <translation>留空：按关联网点的交易汇总</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Actual:</source>
        <translation>实绩(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>&apos;{kind}&apos; is not a kind of target; the kinds are: {kinds}.</source>
        <translation>“{kind}”不是目标种类；种类有：{kinds}。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a month; write it as 2026-12.</source>
        <translation>“{text}”不是月份；请写成 2026-12 这样。</translation>
    </message>
    <message>
        <source>Name the manager whose targets these are.</source>
        <translation>请填写这些目标所属的管户经理。</translation>
    </message>
    <message>
        <source>{kind}: {reason}</source>
        <translation>{kind}：{reason}</translation>
    </message>
    <message>
        <source>{kind}: give a whole number of 0 or more.</source>
        <translation>{kind}：请填写 0 或以上的整数。</translation>
    </message>
    <message>
        <source>{kind}: give an amount of 0 or more.</source>
        <translation>{kind}：请填写 0 或以上的金额。</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Targets of {name}</source>
        <translation>{name}的目标</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>{kind} about {share} a day</source>
        <translation>{kind}每天约 {share}</translation>
    </message>
    <message>
        <source>{count} working days (holidays and make-up days counted).</source>
        <translation>共 {count} 个工作日（已计入节假日和调休）。</translation>
    </message>
</context>
<context>
    <name>TaskHandle</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>KA team</source>
        <translation>KA团队</translation>
    </message>
    <message>
        <source>several names: separate them with commas</source>
        <translation>可填多人，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read today&apos;s lists again (F5)</source>
        <translation>重新读取今天的清单（F5）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Why due</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Log visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <source>Done (Ctrl+D)</source>
        <translation>完成（Ctrl+D）</translation>
    </message>
    <message>
        <source>Log outcome… (Ctrl+L)</source>
        <translation>记录结果…（Ctrl+L）</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>打开拜访计划</translation>
    </message>
    <message>
        <source>Copy their numbers</source>
        <translation>复制号码</translation>
    </message>
    <message>
        <source>Copy the phone numbers for one group message</source>
        <translation>复制这些客户的电话号码，用于群发一条短信</translation>
    </message>
    <message>
        <source>Today&apos;s lists</source>
        <translation>今日清单</translation>
    </message>
    <message>
        <source>Reading today&apos;s lists…</source>
        <translation>正在读取今天的清单…</translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>今日：{weekday} {date}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tier {tier}: {count}</source>
        <translation>{tier}类 {count} 位</translation>
    </message>
    <message>
        <source>ungraded: {count}</source>
        <translation>未分级 {count} 位</translation>
    </message>
    <message>
        <source>Overdue or never visited — {counts}</source>
        <translation>逾期或从未拜访：{counts}</translation>
    </message>
    <message>
        <source>Nobody is overdue.</source>
        <translation>没有逾期的客户。</translation>
    </message>
    <message>
        <source>Market news to send: {count} A-tier customers (SMS)</source>
        <translation>待发市场货源信息：A类客户 {count} 位（短信）</translation>
    </message>
    <message>
        <source>{count} numbers copied.</source>
        <translation>已复制 {count} 个号码。</translation>
    </message>
    <message>
        <source>Today&apos;s visits: no saved plan has today</source>
        <translation>今日拜访：没有包含今天的已保存计划</translation>
    </message>
    <message>
        <source>Today&apos;s visits, in route order ({count})</source>
        <translation>今日拜访，按路线顺序（{count}）</translation>
    </message>
    <message>
        <source>Calls ({count})</source>
        <translation>应致电（{count}）</translation>
    </message>
    <message>
        <source>Calls due today ({count})</source>
        <translation>今日应致电（{count}）</translation>
    </message>
    <message>
        <source>101 follow-ups ({count})</source>
        <translation>101跟进（{count}）</translation>
    </message>
    <message>
        <source>Open 101 follow-ups ({count})</source>
        <translation>未完成的101跟进（{count}）</translation>
    </message>
    <message>
        <source>Birthdays ({count})</source>
        <translation>生日（{count}）</translation>
    </message>
    <message>
        <source>Activities ({count})</source>
        <translation>活动（{count}）</translation>
    </message>
    <message>
        <source>Activities running ({count})</source>
        <translation>进行中的活动（{count}）</translation>
    </message>
    <message>
        <source>Birthdays this week ({count})</source>
        <translation>本周生日（{count}）</translation>
    </message>
    <message>
        <source>{name}: logged.</source>
        <translation>{name}：已记录。</translation>
    </message>
</context>
<context>
    <name>TrackingLogDialog</name>
    <message>
        <source>Print a tracking log</source>
        <translation>打印客户追踪志</translation>
    </message>
    <message>
        <source>Opportunity grade {grade}: {period}</source>
        <translation>商机{grade}级：{period}</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>&amp;Log:</source>
        <translation>追踪志(&amp;L)：</translation>
    </message>
    <message>
        <source>Finding the grade&apos;s customers and writing the log…</source>
        <translation>正在查找该等级的客户并写入追踪志…</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>第一天(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>客户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>Covers {range}</source>
        <translation>覆盖 {range}</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Log a contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>修改 {name}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Encrypted archive</source>
        <translation>加密的档案</translation>
    </message>
    <message>
        <source>{name} is encrypted. Enter its passphrase to open it.</source>
        <translation>{name} 已加密。请输入密码打开。</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>在这台电脑上记住(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Too many wrong tries: you can try again in {seconds} s.</source>
        <translation>输错次数太多：{seconds} 秒后可以再试。</translation>
    </message>
</context>
<context>
    <name>VolumeDialog</name>
    <message>
        <source>Volume and target</source>
        <translation>销量与目标</translation>
    </message>
    <message>
        <source>A year (2026), a quarter (2026-Q3) or a month (2026-07)</source>
        <translation>年（2026）、季度（2026-Q3）或月（2026-07）</translation>
    </message>
    <message>
        <source>Leave both empty to remove the period. A year&apos;s total counts its months when months are entered, else its quarters, else the year&apos;s own figure.</source>
        <translation>两项都留空即删除该期间。年度合计：录入了月度数据时按月合计，否则按季度合计，否则取全年数字。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>销量(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
</context>
</TS>
