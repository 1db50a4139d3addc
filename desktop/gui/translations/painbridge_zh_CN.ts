<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppShell</name>
    <message>
        <source>The interface language %1 is not installed; English is used.</source>
        <translation>界面语言 %1 未安装，将使用英语。</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Contraindication</source>
        <translation>禁忌</translation>
    </message>
</context>
<context>
    <name>CaseEditorView</name>
    <message>
        <source>&amp;1 Patient and cancer</source>
        <extracomment>Which tab holds the fields under each path prefix (most specific first).</extracomment>
        <translation>患者与肿瘤(&amp;1)</translation>
    </message>
    <message>
        <source>&amp;2 Pain</source>
        <translation>疼痛(&amp;2)</translation>
    </message>
    <message>
        <source>&amp;3 Neuropathic screening</source>
        <translation>神经病理性筛查(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;4 Medications</source>
        <translation>用药(&amp;4)</translation>
    </message>
    <message>
        <source>&amp;5 Comorbidities and genetics</source>
        <translation>合并症与基因(&amp;5)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save a new version of the case (Ctrl+S)</source>
        <translation>保存病例的新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save and &amp;assess</source>
        <translation>保存并评估(&amp;A)</translation>
    </message>
    <message>
        <source>Save, then show the report (Ctrl+Return)</source>
        <translation>保存后显示报告（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Unsaved changes (kept as a draft)</source>
        <translation>有未保存的更改（已作为草稿保留）</translation>
    </message>
    <message>
        <source>Saved as version %1</source>
        <translation>已保存为第 %1 版</translation>
    </message>
    <message>
        <source>Unsaved changes - draft kept at %1</source>
        <translation>有未保存的更改 - 草稿已于 %1 保留</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n field(s) need attention</source>
        <translation>
            <numerusform>未保存：%n 个字段需要处理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseEditorViewModel</name>
    <message>
        <source>No case open</source>
        <translation>未打开病例</translation>
    </message>
    <message>
        <source>New case (not saved yet)</source>
        <translation>新病例（尚未保存）</translation>
    </message>
</context>
<context>
    <name>CaseHubPanel</name>
    <message>
        <source>Hub recommendation</source>
        <translation>中心建议</translation>
    </message>
    <message>
        <source>Reading what the hub sent…</source>
        <translation>正在读取中心发来的内容…</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>中心：%1</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>未读：%1</translation>
    </message>
    <message>
        <source>&amp;Read it</source>
        <translation>阅读(&amp;R)</translation>
    </message>
    <message>
        <source>Show it in full; the hub is told that it was read</source>
        <translation>显示全文，并告知中心已阅读</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>新建病例(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new case (Ctrl+N)</source>
        <translation>新建一个病例（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search by pseudonym or name (Ctrl+F)</source>
        <translation>按化名编号或姓名搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Show only some cases (Ctrl+Shift+F)</source>
        <translation>仅显示部分病例（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Fi&amp;lter</source>
        <translation>筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found</source>
        <translation>
            <numerusform>找到 %n 个病例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个病例</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches &quot;%1&quot; and this search.</source>
        <translation>没有符合“%1”及此搜索条件的病例。</translation>
    </message>
    <message>
        <source>No case matches &quot;%1&quot;.</source>
        <translation>没有符合“%1”的病例。</translation>
    </message>
    <message>
        <source>No case matches this search.</source>
        <translation>没有符合搜索条件的病例。</translation>
    </message>
    <message>
        <source>No cases yet. Start one with &quot;New case&quot; (Ctrl+N).</source>
        <translation>还没有病例。请用“新建病例”（Ctrl+N）开始。</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Pseudonym</source>
        <extracomment>A refresh reads the shown rows again in one request of at most this many (the store&apos;s largest page); with more rows shown it reloads instead.</extracomment>
        <translation>化名编号</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Follow-up due since %1 (hub recommendation)</source>
        <translation>自 %1 起待随访（中心建议）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>待随访</translation>
    </message>
    <message>
        <source>Sent to hub</source>
        <translation>已发送至中心</translation>
    </message>
    <message>
        <source>All cases</source>
        <extracomment>The case list&apos;s filters, in the order the selector lists them (desktop/store/case_index.py).</extracomment>
        <translation>全部病例</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>需要随访</translation>
    </message>
    <message>
        <source>Answered by the hub</source>
        <translation>中心已回复</translation>
    </message>
    <message>
        <source>Has alerts</source>
        <translation>有警示</translation>
    </message>
    <message>
        <source>Hub answered</source>
        <translation>中心已回复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>有警示</translation>
    </message>
    <message>
        <source>Quarantined: %1</source>
        <translation>已隔离：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已阅读</translation>
    </message>
    <message>
        <source>Not in the outbox: this case is not sent.</source>
        <translation>不在发件箱中：此病例未发送。</translation>
    </message>
    <message>
        <source>Waiting in the outbox for the next sync.</source>
        <translation>在发件箱中等待下次同步。</translation>
    </message>
    <message>
        <source>Sent; the hub has not confirmed it yet.</source>
        <translation>已发送；中心尚未确认。</translation>
    </message>
    <message>
        <source>The hub stored it; waiting for an expert.</source>
        <translation>中心已存储；等待专家处理。</translation>
    </message>
    <message>
        <source>A hub expert is reviewing it.</source>
        <translation>中心专家正在审阅。</translation>
    </message>
    <message>
        <source>The hub answered; the answer is on its way.</source>
        <translation>中心已回复；回复正在传送中。</translation>
    </message>
    <message>
        <source>The hub&apos;s recommendation is here, not read yet.</source>
        <translation>中心的建议已送达，尚未阅读。</translation>
    </message>
    <message>
        <source>The hub&apos;s recommendation was read here.</source>
        <translation>中心的建议已在本机阅读。</translation>
    </message>
    <message>
        <source>Not sent, for the reason shown; the other cases keep flowing.</source>
        <translation>因所示原因未发送；其他病例照常发送。</translation>
    </message>
    <message>
        <source>Case %1, version %2</source>
        <translation>病例 %1，第 %2 版</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
</context>
<context>
    <name>ClinicViewModel</name>
    <message>
        <source>The model could not be loaded, so reports show scores and guideline alerts only (no mechanism probabilities or ranking). Details: %1</source>
        <extracomment>What a clinic user&apos;s roles must allow to see each page (desktop/services/roles.py).</extracomment>
        <translation>模型无法加载，因此报告仅显示评分和指南警示（无机制概率和排序）。详情：%1</translation>
    </message>
    <message>
        <source>Saved %1 as version %2.</source>
        <translation>已将 %1 保存为第 %2 版。</translation>
    </message>
</context>
<context>
    <name>ClinicalPage</name>
    <message>
        <source>Kidney and liver</source>
        <translation>肾脏与肝脏</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <source>Creatinine clearance</source>
        <translation>肌酐清除率</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>血清肌酐</translation>
    </message>
    <message>
        <source>Serum creatinine (SI)</source>
        <translation>血清肌酐（国际单位）</translation>
    </message>
    <message>
        <source>Give serum creatinine in one unit only.</source>
        <translation>血清肌酐只需填写一种单位。</translation>
    </message>
    <message>
        <source>Haemodialysis</source>
        <translation>血液透析</translation>
    </message>
    <message>
        <source>Hepatic impairment</source>
        <translation>肝功能损害</translation>
    </message>
    <message>
        <source>Heart, blood and other conditions</source>
        <translation>心脏、血液及其他情况</translation>
    </message>
    <message>
        <source>QTc</source>
        <translation>QTc</translation>
    </message>
    <message>
        <source>Platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <source>History of GI bleeding</source>
        <translation>消化道出血史</translation>
    </message>
    <message>
        <source>Heart failure</source>
        <translation>心力衰竭</translation>
    </message>
    <message>
        <source>Diabetes</source>
        <translation>糖尿病</translation>
    </message>
    <message>
        <source>Respiratory disease</source>
        <translation>呼吸系统疾病</translation>
    </message>
    <message>
        <source>Pharmacogenomics (when a lab result exists)</source>
        <translation>药物基因组学（有检验结果时）</translation>
    </message>
    <message>
        <source>CYP2D6 activity score</source>
        <translation>CYP2D6 活性评分</translation>
    </message>
    <message>
        <source>CYP2C9 activity score</source>
        <translation>CYP2C9 活性评分</translation>
    </message>
</context>
<context>
    <name>ClinicalText</name>
    <message>
        <source>nociceptive</source>
        <translation>伤害感受性</translation>
    </message>
    <message>
        <source>neuropathic</source>
        <translation>神经病理性</translation>
    </message>
    <message>
        <source>nociplastic</source>
        <translation>伤害可塑性</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>contraindication</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <source>hypoaesthesia to touch</source>
        <translation>触觉减退</translation>
    </message>
    <message>
        <source>hypoaesthesia to pinprick</source>
        <translation>针刺觉减退</translation>
    </message>
    <message>
        <source>pain on brushing</source>
        <translation>轻刷诱发疼痛</translation>
    </message>
    <message>
        <source>intrathecal analgesia</source>
        <translation>鞘内镇痛</translation>
    </message>
    <message>
        <source>worst</source>
        <translation>最重</translation>
    </message>
    <message>
        <source>least</source>
        <translation>最轻</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>none</source>
        <comment>pain band</comment>
        <translation>无痛</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>none</source>
        <comment>analgesic level</comment>
        <translation>未使用镇痛药</translation>
    </message>
    <message>
        <source>non-opioid</source>
        <translation>非阿片类</translation>
    </message>
    <message>
        <source>weak opioid</source>
        <translation>弱阿片类药物</translation>
    </message>
    <message>
        <source>strong opioid</source>
        <translation>强阿片类药物</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>显著缓解</translation>
    </message>
    <message>
        <source>moderate</source>
        <comment>IMMPACT response</comment>
        <translation>中度缓解</translation>
    </message>
    <message>
        <source>non-responder</source>
        <translation>未达有效缓解</translation>
    </message>
    <message>
        <source>worsened</source>
        <translation>加重</translation>
    </message>
    <message>
        <source>not evaluable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>可能存在</translation>
    </message>
    <message>
        <source>unlikely</source>
        <translation>不太可能</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>no answer fits</source>
        <translation>无合适答案</translation>
    </message>
    <message>
        <source>moved down</source>
        <translation>已下移</translation>
    </message>
    <message>
        <source>not recommended</source>
        <translation>不推荐</translation>
    </message>
    <message>
        <source>ranked</source>
        <translation>已排序</translation>
    </message>
    <message>
        <source>present</source>
        <comment>prediction set</comment>
        <translation>存在</translation>
    </message>
    <message>
        <source>absent</source>
        <comment>prediction set</comment>
        <translation>不存在</translation>
    </message>
    <message>
        <source>present</source>
        <comment>mechanism call</comment>
        <translation>存在</translation>
    </message>
    <message>
        <source>absent</source>
        <comment>mechanism call</comment>
        <translation>不存在</translation>
    </message>
    <message>
        <source>uncertain</source>
        <comment>mechanism call</comment>
        <translation>不确定</translation>
    </message>
    <message>
        <source>no answer</source>
        <comment>mechanism call</comment>
        <translation>无答案</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <comment>list separator</comment>
        <translation>；</translation>
    </message>
    <message>
        <source> and </source>
        <comment>list separator</comment>
        <translation>和</translation>
    </message>
    <message>
        <source>{drug}: {note}</source>
        <translation>{drug}：{note}</translation>
    </message>
    <message>
        <source>{drug} {min_mg:g}-{max_mg:g} mg/day (CrCl {band})</source>
        <translation>{drug} {min_mg:g}-{max_mg:g} mg/天（CrCl {band}）</translation>
    </message>
    <message>
        <source>{drug} {min_mg:g}-{max_mg:g} mg/day, {regimen} (CrCl {band})</source>
        <translation>{drug} {min_mg:g}-{max_mg:g} mg/天，{regimen}（CrCl {band}）</translation>
    </message>
    <message>
        <source>{drug} {dose:g} mg/day is above the renal maximum: {band}.</source>
        <translation>{drug} {dose:g} mg/天超过按肾功能调整的最大剂量：{band}。</translation>
    </message>
    <message>
        <source>Gabapentinoid daily dose within the creatinine clearance band ({scheme})</source>
        <translation>加巴喷丁类药物日剂量应在肌酐清除率分段范围内（{scheme}）</translation>
    </message>
    <message>
        <source>Reduced kidney function: {bands}.</source>
        <translation>肾功能减退：{bands}。</translation>
    </message>
    <message>
        <source>Gabapentinoid dose by creatinine clearance ({scheme})</source>
        <translation>按肌酐清除率调整加巴喷丁类药物剂量（{scheme}）</translation>
    </message>
    <message>
        <source>Tricyclic antidepressant at age {age}: avoid amitriptyline (anticholinergic effects, sedation, orthostatic hypotension and falls).</source>
        <translation>患者 {age} 岁，使用三环类抗抑郁药：避免使用 amitriptyline（抗胆碱能作用、镇静、体位性低血压和跌倒）。</translation>
    </message>
    <message>
        <source>Age &gt;= {limit} (setting tca_avoid_age): avoid amitriptyline (Beers criteria)</source>
        <translation>年龄 &gt;= {limit}（设置 tca_avoid_age）：避免使用 amitriptyline（Beers 标准）</translation>
    </message>
    <message>
        <source>heart failure</source>
        <translation>心力衰竭</translation>
    </message>
    <message>
        <source>QTc {qtc_ms:g} ms</source>
        <translation>QTc {qtc_ms:g} ms</translation>
    </message>
    <message>
        <source>Tricyclic antidepressant with {findings}: arrhythmia risk; avoid, or ask cardiology first.</source>
        <translation>三环类抗抑郁药合并{findings}：有心律失常风险；应避免使用，或先请心内科会诊。</translation>
    </message>
    <message>
        <source>Heart failure or QTc &gt;= {qtc_ms} ms: avoid tricyclics</source>
        <translation>心力衰竭或 QTc &gt;= {qtc_ms} ms：避免使用三环类抗抑郁药</translation>
    </message>
    <message>
        <source>Corticosteroid with diabetes: expect hyperglycaemia; monitor glucose and adjust diabetes treatment.</source>
        <translation>糖尿病患者使用糖皮质激素：预计出现高血糖；监测血糖并调整降糖治疗。</translation>
    </message>
    <message>
        <source>Corticosteroid in a patient with diabetes: monitor glucose</source>
        <translation>糖尿病患者使用糖皮质激素：监测血糖</translation>
    </message>
    <message>
        <source>hepatic impairment</source>
        <translation>肝功能损害</translation>
    </message>
    <message>
        <source>{measure} {value:g}</source>
        <translation>{measure} {value:g}</translation>
    </message>
    <message>
        <source>Duloxetine: avoid with {findings}.</source>
        <translation>Duloxetine：{findings}时避免使用。</translation>
    </message>
    <message>
        <source>CrCl &lt; {min_crcl} mL/min or hepatic impairment: avoid duloxetine</source>
        <translation>CrCl &lt; {min_crcl} mL/min 或肝功能损害：避免使用 duloxetine</translation>
    </message>
    <message>
        <source>haemodialysis: maintenance dose by CrCl band plus a supplemental dose after each 4-hour session (label: 125-350 mg)</source>
        <translation>血液透析：按 CrCl 分段给予维持剂量，每次 4 小时透析后追加一次补充剂量（说明书：125-350 mg）</translation>
    </message>
    <message>
        <source>&gt;= 60 mL/min</source>
        <translation>&gt;= 60 mL/min</translation>
    </message>
    <message>
        <source>30-59 mL/min</source>
        <translation>30-59 mL/min</translation>
    </message>
    <message>
        <source>15-29 mL/min</source>
        <translation>15-29 mL/min</translation>
    </message>
    <message>
        <source>&lt; 15 mL/min</source>
        <translation>&lt; 15 mL/min</translation>
    </message>
    <message>
        <source>three times daily</source>
        <translation>每日三次</translation>
    </message>
    <message>
        <source>twice daily</source>
        <translation>每日两次</translation>
    </message>
    <message>
        <source>once daily</source>
        <translation>每日一次</translation>
    </message>
    <message>
        <source>reduce further in proportion to CrCl (e.g. CrCl 7.5 mL/min: half)</source>
        <translation>按 CrCl 成比例进一步减量（如 CrCl 7.5 mL/min：减半）</translation>
    </message>
    <message>
        <source>haemodialysis: supplementary single dose after each session (25-100 mg)</source>
        <translation>血液透析：每次透析后追加单次补充剂量（25-100 mg）</translation>
    </message>
    <message>
        <source>30 to &lt; 60 mL/min</source>
        <translation>30 至 &lt; 60 mL/min</translation>
    </message>
    <message>
        <source>15 to &lt; 30 mL/min</source>
        <translation>15 至 &lt; 30 mL/min</translation>
    </message>
    <message>
        <source>in 2-3 doses</source>
        <translation>分 2-3 次服用</translation>
    </message>
    <message>
        <source>in 1-2 doses; start 25-50 mg/day</source>
        <translation>分 1-2 次服用；起始 25-50 mg/天</translation>
    </message>
    <message>
        <source>&gt;= 80 mL/min</source>
        <translation>&gt;= 80 mL/min</translation>
    </message>
    <message>
        <source>50-79 mL/min</source>
        <translation>50-79 mL/min</translation>
    </message>
    <message>
        <source>30-49 mL/min</source>
        <translation>30-49 mL/min</translation>
    </message>
    <message>
        <source>usual dose: no renal reduction</source>
        <translation>常规剂量：无需按肾功能减量</translation>
    </message>
    <message>
        <source>&gt; 60 mL/min</source>
        <translation>&gt; 60 mL/min</translation>
    </message>
    <message>
        <source>30-60 mL/min</source>
        <translation>30-60 mL/min</translation>
    </message>
    <message>
        <source>Pain Management Index {pmi} (analgesic level {analgesic_level}, pain level {pain_level}): the strongest analgesic prescribed may be weaker than the worst pain warrants. Review analgesia; a negative PMI is a prompt, not a verdict.</source>
        <translation>疼痛管理指数 (PMI) {pmi}（镇痛药物等级 {analgesic_level}，疼痛等级 {pain_level}）：所用最强镇痛药可能弱于最剧烈疼痛所需。请重新评估镇痛方案；PMI 为负值只是提示，并非定论。</translation>
    </message>
    <message>
        <source>PMI = analgesic level - pain level &lt; 0 (pain level scheme {scheme})</source>
        <translation>PMI = 镇痛药物等级 - 疼痛等级 &lt; 0（疼痛等级方案 {scheme}）</translation>
    </message>
    <message>
        <source>Predominantly neuropathic picture, yet {options} ranks above the neuropathic adjuvants: an opioid alone is less effective for neuropathic pain; combine it with a gabapentinoid, duloxetine or a tricyclic.</source>
        <translation>以神经病理性疼痛为主，但{options}排在神经病理性疼痛辅助用药之前：单用阿片类药物治疗神经病理性疼痛效果较差；应联合加巴喷丁类药物、duloxetine 或三环类抗抑郁药。</translation>
    </message>
    <message>
        <source>Neuropathic pain: opioid plus an adjuvant, not an opioid alone</source>
        <translation>神经病理性疼痛：阿片类药物联合辅助镇痛药，而非单用阿片类药物</translation>
    </message>
    <message>
        <source>Predominantly nociplastic picture with {treatments} as main therapy: strong opioids are not recommended; non-drug care first (education, exercise, CBT, sleep), then duloxetine, a low-dose tricyclic or pregabalin.</source>
        <translation>以伤害可塑性疼痛为主，却以{treatments}作为主要治疗：不推荐强阿片类药物；首选非药物治疗（健康教育、运动、认知行为治疗 CBT、睡眠管理），其次为 duloxetine、小剂量三环类抗抑郁药或 pregabalin。</translation>
    </message>
    <message>
        <source>Nociplastic-dominant pain: avoid strong opioids as main therapy</source>
        <translation>以伤害可塑性为主的疼痛：避免以强阿片类药物作为主要治疗</translation>
    </message>
    <message>
        <source>Localised painful bone metastasis and no radiotherapy recorded: consider palliative radiotherapy (8 Gy single fraction relieves pain as well as longer courses). Spinal cord compression or an impending fracture needs urgent referral.</source>
        <translation>局限性疼痛性骨转移且无放疗记录：考虑姑息性放疗（8 Gy 单次照射的止痛效果与较长疗程相当）。脊髓压迫或即将发生的病理性骨折需紧急转诊。</translation>
    </message>
    <message>
        <source>Localised painful bone metastasis: consider radiotherapy</source>
        <translation>局限性疼痛性骨转移：考虑放疗</translation>
    </message>
    <message>
        <source>{opioids} with {benzodiazepines}: risk of respiratory depression and death; avoid the combination or taper, use the lowest doses and monitor.</source>
        <translation>{opioids}与{benzodiazepines}合用：有呼吸抑制和死亡风险；避免合用或逐渐减停，使用最低剂量并加强监测。</translation>
    </message>
    <message>
        <source>a proposed opioid option</source>
        <translation>拟用的阿片类药物方案</translation>
    </message>
    <message>
        <source>Opioid with a benzodiazepine (FDA boxed warning)</source>
        <translation>阿片类药物与苯二氮䓬类药物合用（FDA 黑框警告）</translation>
    </message>
    <message>
        <source>{opioids} with {gabapentinoids}: added sedation and respiratory depression; start low, titrate slowly, watch breathing (more so with lung disease or older age).</source>
        <translation>{opioids}与{gabapentinoids}合用：镇静和呼吸抑制作用叠加；低剂量起始、缓慢滴定、密切观察呼吸（合并肺部疾病或高龄者尤需注意）。</translation>
    </message>
    <message>
        <source>a proposed opioid</source>
        <translation>拟用的阿片类药物</translation>
    </message>
    <message>
        <source>a proposed gabapentinoid</source>
        <translation>拟用的加巴喷丁类药物</translation>
    </message>
    <message>
        <source>Opioid with gabapentin or pregabalin (FDA 2019 warning)</source>
        <translation>阿片类药物与 gabapentin 或 pregabalin 合用（FDA 2019 年警告）</translation>
    </message>
    <message>
        <source>{tramadol} with {serotonergic}: risk of serotonin syndrome and seizures; prefer a non-serotonergic opioid.</source>
        <translation>{tramadol}与{serotonergic}合用：有 5-羟色胺综合征和癫痫发作风险；宜选用无 5-羟色胺能作用的阿片类药物。</translation>
    </message>
    <message>
        <source>tramadol (if the weak-opioid option is chosen)</source>
        <translation>tramadol（如选择弱阿片类药物方案）</translation>
    </message>
    <message>
        <source>{options} (proposed)</source>
        <translation>{options}（拟用）</translation>
    </message>
    <message>
        <source>Tramadol with an SNRI, SSRI, tricyclic or MAOI</source>
        <translation>Tramadol 与 SNRI、SSRI、三环类抗抑郁药或 MAOI 合用</translation>
    </message>
    <message>
        <source>DN4 examination not complete ({missing} missing): with {points} points so far, the full DN4 is positive if at least {needed} of the {missing_count} missing findings is present (cut-off {cutoff}/10). Examine the painful area: light touch, pinprick, soft brush.</source>
        <translation>DN4 体格检查未完成（缺少：{missing}）：目前已得 {points} 分，若缺少的 {missing_count} 项检查中至少 {needed} 项阳性，则完整 DN4 为阳性（界值 {cutoff}/10）。请检查疼痛区域：轻触觉、针刺觉、软刷试验。</translation>
    </message>
    <message>
        <source>Full DN4 undecided: interview + known examination &lt; {cutoff} &lt;= that + missing examination items</source>
        <translation>完整 DN4 尚未确定：问诊得分 + 已知检查得分 &lt; {cutoff} &lt;= 该得分 + 缺失检查项数</translation>
    </message>
    <message>
        <source>No neuropathic screening score (DN4 or LANSS): record the DN4 items; a neuropathic component changes the preferred treatment.</source>
        <translation>无神经病理性疼痛筛查评分（DN4 或 LANSS）：请记录 DN4 各项；存在神经病理性成分会改变首选治疗。</translation>
    </message>
    <message>
        <source>DN4-interview and LANSS both not computable</source>
        <translation>DN4 问诊部分和 LANSS 均无法计算</translation>
    </message>
    <message>
        <source>CYP2D6 not tested while {drugs} is considered: poor and ultrarapid metabolizers should avoid codeine and tramadol. Test if available, or watch for no effect or toxicity.</source>
        <translation>拟用{drugs}但未检测 CYP2D6：慢代谢型和超快代谢型患者应避免使用 codeine 和 tramadol。如条件允许请检测，否则注意观察疗效缺失或毒性反应。</translation>
    </message>
    <message>
        <source>the weak-opioid option (codeine, tramadol)</source>
        <translation>弱阿片类药物方案（codeine、tramadol）</translation>
    </message>
    <message>
        <source>CYP2D6 phenotype unknown with codeine or tramadol</source>
        <translation>使用 codeine 或 tramadol 但 CYP2D6 表型未知</translation>
    </message>
    <message>
        <source>No eGFR or creatinine clearance recorded while {treatments} is considered: NSAIDs, gabapentinoid dose, morphine/codeine and duloxetine depend on it.</source>
        <translation>拟用{treatments}但未记录估算肾小球滤过率 (eGFR) 或肌酐清除率：非甾体抗炎药、加巴喷丁类药物剂量、morphine/codeine 及 duloxetine 的使用均取决于肾功能。</translation>
    </message>
    <message>
        <source>Kidney function unknown with a renally relevant drug</source>
        <translation>使用受肾功能影响的药物但肾功能未知</translation>
    </message>
    <message>
        <source>Methadone considered and no QTc recorded: obtain an ECG before starting (do not start if QTc &gt; 500 ms; consider another opioid at 450-500 ms).</source>
        <translation>拟用 methadone 但未记录 QTc：开始用药前请做心电图（QTc &gt; 500 ms 时不得开始；450-500 ms 时考虑换用其他阿片类药物）。</translation>
    </message>
    <message>
        <source>Methadone without a baseline QTc</source>
        <translation>使用 methadone 但无基线 QTc</translation>
    </message>
    <message>
        <source>Pain Management Index not computable ({reason}): under-treatment cannot be checked.</source>
        <translation>疼痛管理指数 (PMI) 无法计算（{reason}）：无法评估是否镇痛不足。</translation>
    </message>
    <message>
        <source>PMI needs the worst pain and the medication list</source>
        <translation>PMI 需要最剧烈疼痛评分和用药清单</translation>
    </message>
    <message>
        <source>analgesic level not computable: medications not recorded</source>
        <translation>镇痛药物等级无法计算：未记录用药</translation>
    </message>
    <message>
        <source>pain level not computable: worst pain not recorded</source>
        <translation>疼痛等级无法计算：未记录最剧烈疼痛</translation>
    </message>
    <message>
        <source>{mechanism} mechanism: the model cannot tell present from absent at {coverage:.0%} coverage (probability {probability:.0%}). Rely on the clinical assessment.</source>
        <translation>{mechanism}机制：在 {coverage:.0%} 覆盖率下，模型无法判断其存在与否（概率 {probability:.0%}）。请以临床评估为准。</translation>
    </message>
    <message>
        <source>{mechanism} mechanism: the model finds no answer typical of its calibration cases at {coverage:.0%} coverage (probability {probability:.0%}). Rely on the clinical assessment.</source>
        <translation>{mechanism}机制：在 {coverage:.0%} 覆盖率下，模型找不到与其校准病例相符的答案（概率 {probability:.0%}）。请以临床评估为准。</translation>
    </message>
    <message>
        <source>Conformal prediction set with other than exactly one answer</source>
        <translation>共形预测集不是恰好包含一个答案</translation>
    </message>
    <message>
        <source>{mechanism} mechanism: probability {probability:.0%} is close to the {threshold:.0%} threshold; the call could easily go either way.</source>
        <translation>{mechanism}机制：概率 {probability:.0%} 接近 {threshold:.0%} 阈值；判断结果很容易发生反转。</translation>
    </message>
    <message>
        <source>|probability - {threshold:g}| &lt; {margin:g} (settings mechanism_threshold, near_threshold_margin)</source>
        <translation>|概率 - {threshold:g}| &lt; {margin:g}（设置 mechanism_threshold、near_threshold_margin）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{feature} = {value:g} (training range {low:g}-{high:g})</source>
        <translation>{feature} = {value:g}（训练范围 {low:g}-{high:g}）</translation>
    </message>
    <message>
        <source>{feature} = {value:g} ({reason})</source>
        <translation>{feature} = {value:g}（{reason}）</translation>
    </message>
    <message>
        <source>no single feature</source>
        <translation>无单一突出特征</translation>
    </message>
    <message>
        <source>This case is unlike the cases the model was trained on (distance {score:.2f} &gt; {threshold:.2f}); treat every prediction with caution. Unusual: {features}.</source>
        <translation>本病例与模型训练所用病例不同（距离 {score:.2f} &gt; {threshold:.2f}）；所有预测均需谨慎对待。异常项：{features}。</translation>
    </message>
    <message>
        <source>Out-of-distribution score above the bundle&apos;s threshold</source>
        <translation>分布外评分高于模型包的阈值</translation>
    </message>
    <message>
        <source>mechanism {mechanism}</source>
        <translation>{mechanism}机制</translation>
    </message>
    <message>
        <source>option {option}</source>
        <translation>方案“{option}”</translation>
    </message>
    <message>
        <source>The drivers shown for {where} add up to the prediction only within {error:.3f} logit: read them as approximate.</source>
        <translation>{where}所示驱动因素之和与预测值相差可达 {error:.3f} logit：请视为近似值。</translation>
    </message>
    <message>
        <source>Additivity error above {tolerance} logit</source>
        <translation>可加性误差超过 {tolerance} logit</translation>
    </message>
    <message>
        <source>NSAIDs</source>
        <translation>非甾体抗炎药 (NSAID)</translation>
    </message>
    <message>
        <source>{drugs}: avoid with {measure} {value:g} (below {limit}).</source>
        <translation>{drugs}：{measure} {value:g}（低于 {limit}）时避免使用。</translation>
    </message>
    <message>
        <source>eGFR or CrCl &lt; {limit} (setting nsaid_avoid_egfr_below): avoid NSAIDs</source>
        <translation>eGFR 或 CrCl &lt; {limit}（设置 nsaid_avoid_egfr_below）：避免使用非甾体抗炎药</translation>
    </message>
    <message>
        <source>{drugs} with {measure} {value:g} (below {limit}): avoid prolonged use; monitor kidney function; avoid with lithium and with an ACE inhibitor or ARB plus a diuretic.</source>
        <translation>{drugs}，{measure} {value:g}（低于 {limit}）：避免长期使用；监测肾功能；避免与锂剂合用，也避免与 ACE 抑制剂或 ARB 加利尿剂合用。</translation>
    </message>
    <message>
        <source>eGFR or CrCl &lt; {limit} (setting nsaid_caution_egfr_below): avoid prolonged NSAID use</source>
        <translation>eGFR 或 CrCl &lt; {limit}（设置 nsaid_caution_egfr_below）：避免长期使用非甾体抗炎药</translation>
    </message>
    <message>
        <source>{drugs} with a history of GI bleeding: avoid; if unavoidable, a COX-2 inhibitor with a PPI.</source>
        <translation>{drugs}，患者有消化道出血史：避免使用；如必须使用，选用 COX-2 抑制剂并联用质子泵抑制剂 (PPI)。</translation>
    </message>
    <message>
        <source>GI bleed or ulcer history: avoid NSAIDs, or COX-2 selective NSAID plus PPI</source>
        <translation>消化道出血或溃疡史：避免使用非甾体抗炎药，或选择性 COX-2 抑制剂联用 PPI</translation>
    </message>
    <message>
        <source>{drugs} with {antithrombotics}: bleeding risk; avoid, or use with gastroprotection and close monitoring.</source>
        <translation>{drugs}与{antithrombotics}合用：有出血风险；避免合用，或在胃黏膜保护和密切监测下使用。</translation>
    </message>
    <message>
        <source>NSAID with an anticoagulant or antiplatelet drug: avoid or strong caution</source>
        <translation>非甾体抗炎药与抗凝药或抗血小板药合用：避免或高度谨慎</translation>
    </message>
    <message>
        <source>{drugs} with heart failure: sodium and water retention can decompensate it; avoid.</source>
        <translation>{drugs}，患者有心力衰竭：水钠潴留可致心力衰竭失代偿；避免使用。</translation>
    </message>
    <message>
        <source>Heart failure: avoid NSAIDs</source>
        <translation>心力衰竭：避免使用非甾体抗炎药</translation>
    </message>
    <message>
        <source>{drugs}: avoid with platelets {platelets:g} x 10^9/L (below {limit}).</source>
        <translation>{drugs}：血小板 {platelets:g} x 10^9/L（低于 {limit}）时避免使用。</translation>
    </message>
    <message>
        <source>Platelets &lt; {limit} x 10^9/L (setting nsaid_avoid_platelets_below): avoid NSAIDs (impaired platelet function)</source>
        <translation>血小板 &lt; {limit} x 10^9/L（设置 nsaid_avoid_platelets_below）：避免使用非甾体抗炎药（损害血小板功能）</translation>
    </message>
    <message>
        <source>NSAID with a corticosteroid ({drugs}) and no proton pump inhibitor: high GI bleeding risk; give a PPI.</source>
        <translation>非甾体抗炎药与糖皮质激素合用（{drugs}）且未用质子泵抑制剂：消化道出血风险高；应给予 PPI。</translation>
    </message>
    <message>
        <source>NSAID with a corticosteroid ({drugs} + proposed option) and no proton pump inhibitor: high GI bleeding risk; give a PPI.</source>
        <translation>非甾体抗炎药与糖皮质激素合用（{drugs} + 拟用方案）且未用质子泵抑制剂：消化道出血风险高；应给予 PPI。</translation>
    </message>
    <message>
        <source>NSAID plus corticosteroid without a proton pump inhibitor</source>
        <translation>非甾体抗炎药加糖皮质激素且未用质子泵抑制剂</translation>
    </message>
    <message>
        <source>{measure} {value:g} (below {limit})</source>
        <translation>{measure} {value:g}（低于 {limit}）</translation>
    </message>
    <message>
        <source>CrCl or eGFR &lt; {limit} (setting opioid_renal_avoid_below): avoid morphine, codeine and pethidine (active metabolites accumulate); prefer fentanyl, buprenorphine or alfentanil</source>
        <translation>CrCl 或 eGFR &lt; {limit}（设置 opioid_renal_avoid_below）：避免使用 morphine、codeine 和 pethidine（活性代谢物蓄积）；首选 fentanyl、buprenorphine 或 alfentanil</translation>
    </message>
    <message>
        <source>{drugs} with {kidney}: metabolites accumulate; switch opioid (prefer fentanyl, buprenorphine or alfentanil).</source>
        <translation>{drugs}，{kidney}：代谢物蓄积；应换用其他阿片类药物（首选 fentanyl、buprenorphine 或 alfentanil）。</translation>
    </message>
    <message>
        <source>{drug} with {kidney}: at most {max_mg} mg/day, 12-hourly.</source>
        <translation>{drug}，{kidney}：每日最多 {max_mg} mg，每 12 小时一次。</translation>
    </message>
    <message>
        <source>CrCl &lt; {limit}: tramadol at most {max_mg} mg/day (label)</source>
        <translation>CrCl &lt; {limit}：tramadol 每日最多 {max_mg} mg（说明书）</translation>
    </message>
    <message>
        <source>{kidney}: if an opioid is started, avoid morphine, codeine and pethidine; prefer fentanyl, buprenorphine or alfentanil.</source>
        <translation>{kidney}：如开始使用阿片类药物，避免使用 morphine、codeine 和 pethidine；首选 fentanyl、buprenorphine 或 alfentanil。</translation>
    </message>
    <message>
        <source>{drugs} without a laxative: prescribe a regular laxative (opioid constipation persists).</source>
        <translation>{drugs}未联用泻药：应常规处方泻药（阿片类药物所致便秘会持续存在）。</translation>
    </message>
    <message>
        <source>a strong opioid (proposed option)</source>
        <translation>强阿片类药物（拟用方案）</translation>
    </message>
    <message>
        <source>Strong opioid: co-prescribe a laxative</source>
        <translation>强阿片类药物：同时处方泻药</translation>
    </message>
    <message>
        <source>Methadone with QTc {qtc_ms:g} ms: {advice}.</source>
        <translation>Methadone，QTc {qtc_ms:g} ms：{advice}。</translation>
    </message>
    <message>
        <source>Methadone (prescribed) with QTc {qtc_ms:g} ms: {advice}.</source>
        <translation>Methadone（已处方），QTc {qtc_ms:g} ms：{advice}。</translation>
    </message>
    <message>
        <source>&lt; 450 ms none; 450-500 ms caution (both inclusive); &gt; 500 ms strong</source>
        <translation>&lt; 450 ms 无警示；450-500 ms 注意（含两端）；&gt; 500 ms 强警示</translation>
    </message>
    <message>
        <source>no QTc flag for methadone</source>
        <translation>无 methadone 相关 QTc 警示</translation>
    </message>
    <message>
        <source>QTc 450-500 ms: consider another opioid; correct reversible causes (low potassium or magnesium) first</source>
        <translation>QTc 450-500 ms：考虑换用其他阿片类药物；先纠正可逆因素（低钾或低镁）</translation>
    </message>
    <message>
        <source>QTc above 500 ms: do not start methadone</source>
        <translation>QTc 高于 500 ms：不得开始使用 methadone</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>估算肾小球滤过率 (eGFR)</translation>
    </message>
    <message>
        <source>CrCl (Cockcroft-Gault)</source>
        <translation>肌酐清除率 (CrCl, Cockcroft-Gault)</translation>
    </message>
    <message>
        <source>CrCl</source>
        <translation>肌酐清除率 (CrCl)</translation>
    </message>
    <message>
        <source>CYP2D6 poor (activity score 0) or ultrarapid (&gt; 2.25) metabolizer: avoid codeine and tramadol; if an opioid is needed use one not activated by CYP2D6 (CPIC 2021 Tables 2-3)</source>
        <translation>CYP2D6 慢代谢型（活性评分 0）或超快代谢型（&gt; 2.25）：避免使用 codeine 和 tramadol；如需阿片类药物，选用不经 CYP2D6 活化的药物（CPIC 2021 表 2-3）</translation>
    </message>
    <message>
        <source>{drug} with CYP2D6 {phenotype} metabolizer: {advice}</source>
        <translation>{drug}，CYP2D6 {phenotype}：{advice}</translation>
    </message>
    <message>
        <source>CYP2D6 {phenotype} metabolizer: avoid codeine and tramadol. If an opioid is needed, use one not activated by CYP2D6 (morphine, hydromorphone, fentanyl or buprenorphine).</source>
        <translation>CYP2D6 {phenotype}：避免使用 codeine 和 tramadol。如需阿片类药物，选用不经 CYP2D6 活化的药物（morphine、hydromorphone、fentanyl 或 buprenorphine）。</translation>
    </message>
    <message>
        <source>{drug} with CYP2D6 intermediate metabolizer: {advice}</source>
        <translation>{drug}，CYP2D6 中间代谢型：{advice}</translation>
    </message>
    <message>
        <source>CYP2D6 intermediate metabolizer (0 &lt; AS &lt; 1.25): label dosing; if no response, switch to an opioid not activated by CYP2D6 (CPIC 2021)</source>
        <translation>CYP2D6 中间代谢型（0 &lt; AS &lt; 1.25）：按说明书剂量使用；如无效，换用不经 CYP2D6 活化的阿片类药物（CPIC 2021）</translation>
    </message>
    <message>
        <source>{inhibitors} inhibits CYP2D6: {target} may give little analgesia (the patient behaves like a poorer metabolizer). Prefer an opioid not activated by CYP2D6 (morphine, hydromorphone, fentanyl or buprenorphine).</source>
        <translation>{inhibitors}抑制 CYP2D6：{target}可能几乎无镇痛作用（患者表现如代谢更慢者）。宜选用不经 CYP2D6 活化的阿片类药物（morphine、hydromorphone、fentanyl 或 buprenorphine）。</translation>
    </message>
    <message>
        <source>codeine or tramadol (weak-opioid option)</source>
        <translation>codeine 或 tramadol（弱阿片类药物方案）</translation>
    </message>
    <message>
        <source>Strong CYP2D6 inhibitor (paroxetine, fluoxetine, bupropion, quinidine) or duloxetine (moderate) with codeine or tramadol: phenoconversion</source>
        <translation>强效 CYP2D6 抑制剂（paroxetine、fluoxetine、bupropion、quinidine）或 duloxetine（中效）与 codeine 或 tramadol 合用：表型转换</translation>
    </message>
    <message>
        <source>{drug} with CYP2C9 {phenotype} metabolizer: {advice}</source>
        <translation>{drug}，CYP2C9 {phenotype}：{advice}</translation>
    </message>
    <message>
        <source>CYP2C9 activity score and NSAID ({table})</source>
        <translation>CYP2C9 活性评分与非甾体抗炎药（{table}）</translation>
    </message>
    <message>
        <source>CYP2C9 {phenotype} metabolizer: if an NSAID is chosen, prefer one not metabolized by CYP2C9 (naproxen, sulindac) or start celecoxib, ibuprofen or meloxicam at a reduced dose; avoid piroxicam and tenoxicam.</source>
        <translation>CYP2C9 {phenotype}：如选用非甾体抗炎药，宜选不经 CYP2C9 代谢者（naproxen、sulindac），或以减低剂量开始使用 celecoxib、ibuprofen 或 meloxicam；避免使用 piroxicam 和 tenoxicam。</translation>
    </message>
    <message>
        <source>CYP2C9 {phenotype} metabolizer (activity score not given: 1.5 needs no change, 1 does): if an NSAID is chosen, prefer one not metabolized by CYP2C9 (naproxen, sulindac) or start celecoxib, ibuprofen or meloxicam at a reduced dose; avoid piroxicam and tenoxicam.</source>
        <translation>CYP2C9 {phenotype}（未提供活性评分：1.5 无需调整，1 需要调整）：如选用非甾体抗炎药，宜选不经 CYP2C9 代谢者（naproxen、sulindac），或以减低剂量开始使用 celecoxib、ibuprofen 或 meloxicam；避免使用 piroxicam 和 tenoxicam。</translation>
    </message>
    <message>
        <source>CYP2C9 activity score &lt;= 1: reduced dose or alternative NSAID (CPIC 2020)</source>
        <translation>CYP2C9 活性评分 &lt;= 1：减量或换用其他非甾体抗炎药（CPIC 2020）</translation>
    </message>
    <message>
        <source>Avoid codeine (little or no analgesia). If an opioid is needed, use a non-tramadol opioid.</source>
        <translation>避免使用 codeine（几乎无镇痛作用）。如需阿片类药物，选用 tramadol 以外的阿片类药物。</translation>
    </message>
    <message>
        <source>Use label-recommended dosing. If there is no response and an opioid is needed, switch to a non-tramadol opioid.</source>
        <translation>按说明书推荐剂量使用。如无效且仍需阿片类药物，换用 tramadol 以外的阿片类药物。</translation>
    </message>
    <message>
        <source>Use label-recommended age- or weight-specific dosing.</source>
        <translation>按说明书推荐的年龄或体重相应剂量使用。</translation>
    </message>
    <message>
        <source>Avoid codeine (risk of toxicity from excess morphine). If an opioid is needed, use one not dependent on CYP2D6 (not tramadol).</source>
        <translation>避免使用 codeine（morphine 生成过多，有中毒风险）。如需阿片类药物，选用不依赖 CYP2D6 的药物（不用 tramadol）。</translation>
    </message>
    <message>
        <source>No recommendation for this phenotype.</source>
        <translation>该表型无推荐意见。</translation>
    </message>
    <message>
        <source>Avoid tramadol (diminished analgesia). If an opioid is needed, use a non-codeine opioid.</source>
        <translation>避免使用 tramadol（镇痛作用减弱）。如需阿片类药物，选用 codeine 以外的阿片类药物。</translation>
    </message>
    <message>
        <source>Use label-recommended dosing. If there is no response and an opioid is needed, switch to a non-codeine opioid.</source>
        <translation>按说明书推荐剂量使用。如无效且仍需阿片类药物，换用 codeine 以外的阿片类药物。</translation>
    </message>
    <message>
        <source>Avoid tramadol (risk of toxicity from excess O-desmethyltramadol). If an opioid is needed, use a non-codeine opioid.</source>
        <translation>避免使用 tramadol（O-去甲基曲马多生成过多，有中毒风险）。如需阿片类药物，选用 codeine 以外的阿片类药物。</translation>
    </message>
    <message>
        <source>No CYP2C9-based change: clearance is not meaningfully CYP2C9-dependent.</source>
        <translation>无需根据 CYP2C9 调整：其清除基本不依赖 CYP2C9。</translation>
    </message>
    <message>
        <source>Start at 25-50 % of the lowest recommended starting dose; titrate cautiously to at most 25-50 % of the maximum dose, or choose an alternative.</source>
        <translation>以最低推荐起始剂量的 25-50 % 开始；谨慎滴定，最多至最大剂量的 25-50 %，或选用替代药物。</translation>
    </message>
    <message>
        <source>Start at the lowest recommended starting dose; titrate cautiously up to the maximum; monitor blood pressure and kidney function.</source>
        <translation>以最低推荐起始剂量开始；谨慎滴定至最大剂量；监测血压和肾功能。</translation>
    </message>
    <message>
        <source>Initiate therapy with the usual recommended starting dose.</source>
        <translation>以常规推荐起始剂量开始治疗。</translation>
    </message>
    <message>
        <source>No recommendation for an indeterminate phenotype.</source>
        <translation>表型不确定，无推荐意见。</translation>
    </message>
    <message>
        <source>No CPIC CYP2C9 recommendation for this NSAID.</source>
        <translation>CPIC 对该非甾体抗炎药无 CYP2C9 相关推荐。</translation>
    </message>
    <message>
        <source>Choose an alternative NSAID not metabolized by CYP2C9 or not affected by it.</source>
        <translation>选用不经 CYP2C9 代谢或不受其影响的其他非甾体抗炎药。</translation>
    </message>
    <message>
        <source>Start at 50 % of the lowest recommended starting dose; titrate to at most 50 % of the maximum only after at least 7 days (steady state); monitor blood pressure and kidney function; or choose an alternative.</source>
        <translation>以最低推荐起始剂量的 50 % 开始；至少 7 天（达稳态）后方可滴定，最多至最大剂量的 50 %；监测血压和肾功能；或选用替代药物。</translation>
    </message>
    <message>
        <source>Initiate therapy with the usual recommended starting dose. Use the lowest effective dose for the shortest time.</source>
        <translation>以常规推荐起始剂量开始治疗。以最低有效剂量、最短疗程使用。</translation>
    </message>
    <message>
        <source>Choose an alternative NSAID not metabolized by CYP2C9 or with a shorter half-life.</source>
        <translation>选用不经 CYP2C9 代谢或半衰期较短的其他非甾体抗炎药。</translation>
    </message>
    <message>
        <source>NSAID</source>
        <translation>非甾体抗炎药</translation>
    </message>
    <message>
        <source>Paracetamol</source>
        <translation>对乙酰氨基酚</translation>
    </message>
    <message>
        <source>Weak opioid (codeine, tramadol)</source>
        <translation>弱阿片类药物（codeine、tramadol）</translation>
    </message>
    <message>
        <source>Strong opioid (morphine, oxycodone, hydromorphone, fentanyl)</source>
        <translation>强阿片类药物（morphine、oxycodone、hydromorphone、fentanyl）</translation>
    </message>
    <message>
        <source>Opioid rotation (switch to another strong opioid)</source>
        <translation>阿片类药物轮换（换用另一种强阿片类药物）</translation>
    </message>
    <message>
        <source>Methadone</source>
        <translation>美沙酮</translation>
    </message>
    <message>
        <source>Gabapentinoid (gabapentin, pregabalin)</source>
        <translation>加巴喷丁类（gabapentin、pregabalin）</translation>
    </message>
    <message>
        <source>SNRI (duloxetine)</source>
        <translation>SNRI（度洛西汀）</translation>
    </message>
    <message>
        <source>Tricyclic antidepressant (amitriptyline, nortriptyline)</source>
        <translation>三环类抗抑郁药（amitriptyline、nortriptyline）</translation>
    </message>
    <message>
        <source>Corticosteroid (dexamethasone)</source>
        <translation>糖皮质激素（dexamethasone）</translation>
    </message>
    <message>
        <source>Topical lidocaine</source>
        <translation>外用利多卡因</translation>
    </message>
    <message>
        <source>Radiotherapy for painful bone metastasis</source>
        <translation>疼痛性骨转移放疗</translation>
    </message>
    <message>
        <source>Nerve block (e.g. coeliac plexus)</source>
        <translation>神经阻滞（如腹腔神经丛）</translation>
    </message>
    <message>
        <source>Intrathecal analgesia</source>
        <translation>鞘内镇痛</translation>
    </message>
    <message>
        <source>Non-pharmacological care (education, exercise, CBT, sleep)</source>
        <translation>非药物治疗（宣教、运动、认知行为治疗、睡眠）</translation>
    </message>
    <message>
        <source>dyspepsia, peptic ulcer and GI bleeding</source>
        <translation>消化不良、消化性溃疡和消化道出血</translation>
    </message>
    <message>
        <source>acute kidney injury, hyperkalaemia</source>
        <translation>急性肾损伤、高钾血症</translation>
    </message>
    <message>
        <source>fluid retention, hypertension</source>
        <translation>水钠潴留、高血压</translation>
    </message>
    <message>
        <source>myocardial infarction and stroke (all non-aspirin NSAIDs)</source>
        <translation>心肌梗死和卒中（所有非阿司匹林类非甾体抗炎药）</translation>
    </message>
    <message>
        <source>hepatotoxicity above the daily maximum (4 g; 3 g for chronic use or liver risk)</source>
        <translation>超过每日最大剂量时肝毒性（4 g；长期使用或有肝脏风险时 3 g）</translation>
    </message>
    <message>
        <source>constipation (persistent: give a laxative)</source>
        <translation>便秘（持续存在：需给予通便药）</translation>
    </message>
    <message>
        <source>nausea and vomiting (usually transient)</source>
        <translation>恶心呕吐（通常为一过性）</translation>
    </message>
    <message>
        <source>sedation, delirium</source>
        <translation>镇静、谵妄</translation>
    </message>
    <message>
        <source>tramadol: serotonin syndrome, lower seizure threshold</source>
        <translation>tramadol：5-羟色胺综合征、癫痫发作阈值降低</translation>
    </message>
    <message>
        <source>codeine and tramadol depend on CYP2D6 activation</source>
        <translation>codeine 和 tramadol 依赖 CYP2D6 活化</translation>
    </message>
    <message>
        <source>myoclonus / neurotoxicity</source>
        <translation>肌阵挛/神经毒性</translation>
    </message>
    <message>
        <source>pruritus, urinary retention</source>
        <translation>瘙痒、尿潴留</translation>
    </message>
    <message>
        <source>respiratory depression (with sedatives, renal or hepatic impairment)</source>
        <translation>呼吸抑制（合用镇静药、肾功能或肝功能损害时）</translation>
    </message>
    <message>
        <source>tolerance, opioid-use disorder, hypogonadism</source>
        <translation>耐受、阿片类物质使用障碍、性腺功能减退</translation>
    </message>
    <message>
        <source>incomplete cross-tolerance: start the new opioid lower</source>
        <translation>交叉耐受不完全：新阿片类药物从较低剂量开始</translation>
    </message>
    <message>
        <source>QTc prolongation and arrhythmia (ECG first)</source>
        <translation>QTc 延长和心律失常（先做心电图）</translation>
    </message>
    <message>
        <source>long, variable half-life: accumulation; many drug interactions</source>
        <translation>半衰期长且变异大：易蓄积；药物相互作用多</translation>
    </message>
    <message>
        <source>dizziness, somnolence, ataxia</source>
        <translation>头晕、嗜睡、共济失调</translation>
    </message>
    <message>
        <source>peripheral oedema, weight gain</source>
        <translation>外周水肿、体重增加</translation>
    </message>
    <message>
        <source>confusion (older or renally impaired patients)</source>
        <translation>意识模糊（老年或肾功能损害患者）</translation>
    </message>
    <message>
        <source>respiratory depression with opioids</source>
        <translation>与阿片类药物合用时呼吸抑制</translation>
    </message>
    <message>
        <source>misuse; taper rather than stop abruptly</source>
        <translation>滥用；应逐渐减量而非骤停</translation>
    </message>
    <message>
        <source>nausea, dizziness, somnolence, dry mouth, constipation, sweating</source>
        <translation>恶心、头晕、嗜睡、口干、便秘、多汗</translation>
    </message>
    <message>
        <source>raised blood pressure; hyponatraemia (older patients)</source>
        <translation>血压升高；低钠血症（老年患者）</translation>
    </message>
    <message>
        <source>serotonin syndrome with other serotonergic drugs</source>
        <translation>与其他 5-羟色胺能药物合用时 5-羟色胺综合征</translation>
    </message>
    <message>
        <source>bleeding risk with NSAIDs or anticoagulants</source>
        <translation>与非甾体抗炎药或抗凝药合用时出血风险</translation>
    </message>
    <message>
        <source>anticholinergic: urinary retention, constipation, glaucoma, confusion</source>
        <translation>抗胆碱能作用：尿潴留、便秘、青光眼、意识模糊</translation>
    </message>
    <message>
        <source>orthostatic hypotension and falls; sedation</source>
        <translation>体位性低血压和跌倒；镇静</translation>
    </message>
    <message>
        <source>arrhythmia; dangerous in overdose</source>
        <translation>心律失常；过量时危险</translation>
    </message>
    <message>
        <source>hyperglycaemia</source>
        <translation>高血糖</translation>
    </message>
    <message>
        <source>infection, oral thrush</source>
        <translation>感染、口腔念珠菌病</translation>
    </message>
    <message>
        <source>GI bleeding (more so with NSAIDs: give a PPI)</source>
        <translation>消化道出血（与非甾体抗炎药合用时更多见：给予质子泵抑制剂）</translation>
    </message>
    <message>
        <source>insomnia, agitation, psychosis, delirium</source>
        <translation>失眠、激越、精神病性症状、谵妄</translation>
    </message>
    <message>
        <source>proximal myopathy, osteoporosis, fluid retention</source>
        <translation>近端肌病、骨质疏松、水钠潴留</translation>
    </message>
    <message>
        <source>adrenal suppression: taper after more than 2-3 weeks</source>
        <translation>肾上腺抑制：使用超过 2-3 周后应逐渐减量</translation>
    </message>
    <message>
        <source>local skin reactions at the application site</source>
        <translation>用药部位局部皮肤反应</translation>
    </message>
    <message>
        <source>pain flare in the days after treatment (dexamethasone can prevent it)</source>
        <translation>治疗后数日内疼痛闪烁（dexamethasone 可预防）</translation>
    </message>
    <message>
        <source>retreatment more often after a single fraction</source>
        <translation>单次分割照射后更常需要再次治疗</translation>
    </message>
    <message>
        <source>procedure-specific risks: ask the treating team</source>
        <translation>操作相关风险：请咨询治疗团队</translation>
    </message>
    <message>
        <source>procedure- and device-specific risks: ask the treating team</source>
        <translation>操作和器械相关风险：请咨询治疗团队</translation>
    </message>
    <message>
        <source>Ranked by the predicted probability of at least 30% pain reduction if started. Options with a contraindication are listed last as not recommended; options an alert advises against are moved down below the others. The reason is shown on each; other cautions are shown on the option without moving it.</source>
        <translation>按开始治疗后疼痛减轻至少 30% 的预测概率排序。有禁忌证的方案作为“不推荐”列在最后；警示建议避免的方案下移到其他方案之后。每个方案均显示原因；其他注意事项显示在方案上，不改变其位置。</translation>
    </message>
    <message>
        <source>No model loaded: treatment options are not ranked. The scores and guideline alerts below are computed from the case alone.</source>
        <translation>未加载模型：治疗方案未排序。下方的评分和指南警示仅根据病例本身计算。</translation>
    </message>
    <message>
        <source>The clinician asked for a hub review.</source>
        <translation>临床医生申请中心会诊。</translation>
    </message>
    <message>
        <source>The model is not confident about the {mechanisms} mechanism.</source>
        <translation>模型对{mechanisms}机制的判断把握不足。</translation>
    </message>
    <message>
        <source>The case is unlike the cases the model was trained on.</source>
        <translation>本病例与模型训练所用病例不同。</translation>
    </message>
    <message>
        <source>Severe pain (worst {worst}/10 at {when}, {scheme} bands) despite a strong opioid ({opioids}).</source>
        <translation>尽管使用强阿片类药物（{opioids}），仍有重度疼痛（{when}最剧烈疼痛 {worst}/10，{scheme} 分级）。</translation>
    </message>
    <message>
        <source>Pain Management Index {pmi} (at or below {limit}): possible under-treatment.</source>
        <translation>疼痛管理指数 (PMI) {pmi}（不高于 {limit}）：可能镇痛不足。</translation>
    </message>
    <message>
        <source>A guideline alert at {severity} or above concerns {options} (see Alerts).</source>
        <translation>1 条“{severity}”及以上级别的指南警示涉及{options}（见“警示”）。</translation>
    </message>
    <message>
        <source>{count:d} guideline alerts at {severity} or above concern {options} (see Alerts).</source>
        <translation>{count:d} 条“{severity}”及以上级别的指南警示涉及{options}（见“警示”）。</translation>
    </message>
    <message>
        <source>A guideline alert at {severity} or above (see Alerts).</source>
        <translation>有 1 条“{severity}”及以上级别的指南警示（见“警示”）。</translation>
    </message>
    <message>
        <source>{count:d} guideline alerts at {severity} or above (see Alerts).</source>
        <translation>有 {count:d} 条“{severity}”及以上级别的指南警示（见“警示”）。</translation>
    </message>
    <message>
        <source>Worst pain rose by {rise} points, from {lowest} to {latest} at {when} (threshold {threshold}).</source>
        <translation>最剧烈疼痛上升 {rise} 分，从 {lowest} 升至 {latest}（{when}，阈值 {threshold}）。</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>follow-up {number}</source>
        <translation>第 {number} 次随访</translation>
    </message>
    <message>
        <source>MEDD rose from {before:g} to {now:g} mg/day at {when} (threshold {threshold}% rise).</source>
        <translation>MEDD 从 {before:g} mg/天升至 {now:g} mg/天（{when}，阈值为上升 {threshold}%）。</translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis. Scores are screening aids; every alert names its rule and source. Review with the patient before acting.</source>
        <translation>本报告为决策支持，并非诊断。评分仅为筛查辅助工具；每条警示均注明其规则和来源。采取措施前请与患者一同核对。</translation>
    </message>
    <message>
        <source>The bundled models are trained on a SYNTHETIC cohort and are NOT for clinical use until a hub validates them on real data.</source>
        <translation>内置模型基于【合成】队列训练，在中心用真实数据验证之前【不得】用于临床。</translation>
    </message>
    <message>
        <source>The models were trained on hub records; see the model card for their validation and limits.</source>
        <translation>模型基于中心的病历记录训练；其验证情况和局限性见模型说明卡。</translation>
    </message>
    <message>
        <source>No model loaded: mechanism probabilities and the treatment ranking are not available. Scores and guideline alerts are computed from the case alone.</source>
        <translation>未加载模型：无法提供疼痛机制概率和治疗方案排序。评分和指南警示仅根据病例本身计算。</translation>
    </message>
    <message>
        <source>incomplete: {version} needs all {count:d} items</source>
        <translation>不完整：{version} 需要全部 {count:d} 项</translation>
    </message>
    <message>
        <source>BPI interference needs at least {minimum:d} of 7 items, {answered:d} answered</source>
        <translation>BPI 疼痛干扰需至少回答 7 项中的 {minimum:d} 项，已回答 {answered:d} 项</translation>
    </message>
    <message>
        <source>BPI {name} interference needs at least {minimum:d} of {count:d}</source>
        <translation>BPI {name}干扰需至少回答 {count:d} 项中的 {minimum:d} 项</translation>
    </message>
    <message>
        <source>analgesic level not computable: {reason}</source>
        <translation>镇痛级别无法计算：{reason}</translation>
    </message>
    <message>
        <source>pain level not computable: {reason}</source>
        <translation>疼痛级别无法计算：{reason}</translation>
    </message>
    <message>
        <source>{item} pain needed at baseline and at the follow-up</source>
        <translation>需要基线和随访时的{item}疼痛评分</translation>
    </message>
    <message>
        <source>baseline below {min_baseline:d}: responder labels need moderate pain</source>
        <translation>基线低于 {min_baseline:d}：应答分级要求基线至少为中度疼痛</translation>
    </message>
    <message>
        <source>BPI severity needs all four NRS items</source>
        <translation>BPI 疼痛严重程度需要全部 4 项 NRS 评分</translation>
    </message>
    <message>
        <source>medications not recorded</source>
        <translation>未记录用药</translation>
    </message>
    <message>
        <source>buprenorphine route or patch strength not given: weak (low-dose patch) or strong</source>
        <translation>未提供 buprenorphine 给药途径或贴剂规格：无法判断为弱（低剂量贴剂）或强阿片类</translation>
    </message>
    <message>
        <source>CYP2C9 activity score needed (intermediate 1.5 and 1 differ)</source>
        <translation>需要 CYP2C9 活性评分（中间代谢型 1.5 与 1 的建议不同）</translation>
    </message>
    <message>
        <source>CYP2C9 phenotype or activity score not known</source>
        <translation>CYP2C9 表型或活性评分未知</translation>
    </message>
    <message>
        <source>birth year not recorded</source>
        <translation>未记录出生年份</translation>
    </message>
    <message>
        <source>worst pain not recorded</source>
        <translation>未记录最重疼痛</translation>
    </message>
    <message>
        <source>BPI interference needed at baseline and at the follow-up</source>
        <translation>需要基线和随访时的 BPI 疼痛干扰评分</translation>
    </message>
    <message>
        <source>Cockcroft-Gault needs age, sex (female or male), weight and serum creatinine</source>
        <translation>Cockcroft-Gault 公式需要年龄、性别（女或男）、体重和血清肌酐</translation>
    </message>
    <message>
        <source>Cockcroft-Gault is for adults (18 years and older)</source>
        <translation>Cockcroft-Gault 公式仅适用于成人（18 岁及以上）</translation>
    </message>
    <message>
        <source>creatinine clearance neither recorded nor computable</source>
        <translation>肌酐清除率既未记录也无法计算</translation>
    </message>
    <message>
        <source>QTc not recorded</source>
        <translation>未记录 QTc</translation>
    </message>
    <message>
        <source>CYP2D6 not tested</source>
        <translation>未检测 CYP2D6</translation>
    </message>
    <message>
        <source>CYP2C9 not tested</source>
        <translation>未检测 CYP2C9</translation>
    </message>
    <message>
        <source>baseline 0: percent change undefined</source>
        <translation>基线为 0：无法计算变化百分比</translation>
    </message>
    <message>
        <source>not computable ({reason})</source>
        <translation>无法计算（{reason}）</translation>
    </message>
    <message>
        <source>NRS: not recorded</source>
        <translation>NRS：未记录</translation>
    </message>
    <message>
        <source>NRS (last 24 h): {items} ({scheme} bands)</source>
        <translation>NRS（过去 24 小时）：{items}（{scheme} 分级）</translation>
    </message>
    <message>
        <source>{item} {value} {band}</source>
        <translation>{item} {value} {band}</translation>
    </message>
    <message>
        <source>BPI severity: {value}</source>
        <translation>BPI 疼痛严重程度：{value}</translation>
    </message>
    <message>
        <source>{score:.1f}/10 (mean of worst, least, average, now)</source>
        <translation>{score:.1f}/10（最重、最轻、平均、当前的平均值）</translation>
    </message>
    <message>
        <source>BPI interference: {value}</source>
        <translation>BPI 疼痛干扰：{value}</translation>
    </message>
    <message>
        <source>{score:.1f}/10 (mean of {answered} of 7 items)</source>
        <translation>{score:.1f}/10（7 项中 {answered} 项的平均值）</translation>
    </message>
    <message>
        <source>DN4: {value}</source>
        <translation>DN4：{value}</translation>
    </message>
    <message>
        <source>DN4-interview: {value}</source>
        <translation>DN4 问诊部分：{value}</translation>
    </message>
    <message>
        <source>{total}/{max_total} {verdict} (cut-off {cutoff}, {scheme})</source>
        <translation>{total}/{max_total} {verdict}（临界值 {cutoff}，{scheme}）</translation>
    </message>
    <message>
        <source>LANSS: {value}</source>
        <translation>LANSS：{value}</translation>
    </message>
    <message>
        <source>{form} {total}/24 {verdict} (cut-off {cutoff})</source>
        <translation>{form} {total}/24 {verdict}（临界值 {cutoff}）</translation>
    </message>
    <message>
        <source>MEDD: {value}</source>
        <translation>MEDD：{value}</translation>
    </message>
    <message>
        <source>{total:.0f} mg/day morphine equivalent ({table})</source>
        <translation>吗啡当量 {total:.0f} mg/日（{table}）</translation>
    </message>
    <message>
        <source>{total:.0f} mg/day morphine equivalent ({table}; {flags})</source>
        <translation>吗啡当量 {total:.0f} mg/日（{table}；{flags}）</translation>
    </message>
    <message>
        <source>Analgesic level / PMI: {value}</source>
        <translation>镇痛级别 / PMI：{value}</translation>
    </message>
    <message>
        <source>analgesic level {level} {label}; pain level {pain} {band} ({scheme}); PMI {pmi}</source>
        <translation>镇痛级别 {level}（{label}）；疼痛级别 {pain}（{band}，{scheme}）；PMI {pmi}</translation>
    </message>
    <message>
        <source>analgesic level {level} {label} ({drugs}); pain level {pain} {band} ({scheme}); PMI {pmi}</source>
        <translation>镇痛级别 {level}（{label}：{drugs}）；疼痛级别 {pain}（{band}，{scheme}）；PMI {pmi}</translation>
    </message>
    <message>
        <source>Creatinine clearance: {value}</source>
        <translation>肌酐清除率：{value}</translation>
    </message>
    <message>
        <source>{value:.0f} mL/min (Cockcroft-Gault)</source>
        <translation>{value:.0f} mL/min（Cockcroft-Gault）</translation>
    </message>
    <message>
        <source>Gabapentin renal dose: {value}</source>
        <translation>gabapentin 肾功能调整剂量：{value}</translation>
    </message>
    <message>
        <source>Pregabalin renal dose: {value}</source>
        <translation>pregabalin 肾功能调整剂量：{value}</translation>
    </message>
    <message>
        <source>{band}: {note} ({scheme})</source>
        <translation>{band}：{note}（{scheme}）</translation>
    </message>
    <message>
        <source>{low:g}-{high:g} mg/day for CrCl {band} ({scheme}, {basis})</source>
        <translation>CrCl {band} 时 {low:g}-{high:g} mg/日（{scheme}，{basis}）</translation>
    </message>
    <message>
        <source>Methadone and QTc: {value}</source>
        <translation>methadone 与 QTc：{value}</translation>
    </message>
    <message>
        <source>QTc {qtc:g} ms: {message}</source>
        <translation>QTc {qtc:g} ms：{message}</translation>
    </message>
    <message>
        <source>CYP2D6: {value}</source>
        <translation>CYP2D6：{value}</translation>
    </message>
    <message>
        <source>{phenotype} metabolizer; codeine: {codeine} tramadol: {tramadol}</source>
        <translation>{phenotype}；codeine：{codeine} tramadol：{tramadol}</translation>
    </message>
    <message>
        <source>CYP2C9: {value}</source>
        <translation>CYP2C9：{value}</translation>
    </message>
    <message>
        <source>{phenotype} metabolizer</source>
        <translation>{phenotype}</translation>
    </message>
    <message>
        <source>{phenotype} metabolizer; {advice}</source>
        <translation>{phenotype}；{advice}</translation>
    </message>
    <message>
        <source>{drug}: {recommendation}</source>
        <translation>{drug}：{recommendation}</translation>
    </message>
    <message>
        <source>Response at follow-up {number}: {value}</source>
        <translation>第 {number} 次随访的疗效：{value}</translation>
    </message>
    <message>
        <source>{item} {baseline} -&gt; {follow_up} ({change:.0f}% reduction): {label} (IMMPACT)</source>
        <translation>{item} {baseline} → {follow_up}（减轻 {change:.0f}%）：{label}（IMMPACT）</translation>
    </message>
    <message>
        <source>{item} {baseline} -&gt; {follow_up} (- reduction): {label} (IMMPACT)</source>
        <translation>{item} {baseline} → {follow_up}（减轻幅度 -）：{label}（IMMPACT）</translation>
    </message>
    <message>
        <source>Cockcroft-Gault</source>
        <translation>Cockcroft-Gault 公式</translation>
    </message>
    <message>
        <source>recorded comorbidities.creatinine_clearance</source>
        <translation>已记录的 comorbidities.creatinine_clearance</translation>
    </message>
    <message>
        <source>methadone: conversion unreliable</source>
        <translation>methadone：换算不可靠</translation>
    </message>
    <message>
        <source>not all opioids converted: the total is incomplete</source>
        <translation>并非所有阿片类药物都已换算：总量不完整</translation>
    </message>
    <message>
        <source>unrecognised drug names not included (check whether any is an opioid)</source>
        <translation>未识别的药名未计入（请核查其中是否有阿片类药物）</translation>
    </message>
    <message>
        <source>parenteral morphine converted at 3x oral (approximate)</source>
        <translation>胃肠外 morphine 按口服剂量的 3 倍换算（近似值）</translation>
    </message>
    <message>
        <source>Mechanism: {value}</source>
        <translation>疼痛机制：{value}</translation>
    </message>
    <message>
        <source>no model loaded. {screening}</source>
        <translation>未加载模型。{screening}</translation>
    </message>
    <message>
        <source>{mechanism} {verdict} ({probability:.0%}, {detail})</source>
        <translation>{mechanism}：{verdict}（{probability:.0%}，{detail}）</translation>
    </message>
    <message>
        <source>present at {coverage:.0%} coverage</source>
        <translation>在 {coverage:.0%} 覆盖率下为存在</translation>
    </message>
    <message>
        <source>absent at {coverage:.0%} coverage</source>
        <translation>在 {coverage:.0%} 覆盖率下为不存在</translation>
    </message>
    <message>
        <source>model cannot decide at {coverage:.0%} coverage</source>
        <translation>在 {coverage:.0%} 覆盖率下模型无法判断</translation>
    </message>
    <message>
        <source>no answer at {coverage:.0%} coverage</source>
        <translation>在 {coverage:.0%} 覆盖率下无答案</translation>
    </message>
    <message>
        <source>No neuropathic screening score recorded.</source>
        <translation>未记录神经病理性疼痛筛查评分。</translation>
    </message>
    <message>
        <source>Screening: {scores} (screening aids, not a diagnosis).</source>
        <translation>筛查：{scores}（筛查辅助工具，并非诊断）。</translation>
    </message>
    <message>
        <source>{name} {total}/{max_total} {verdict}</source>
        <translation>{name} {total}/{max_total} {verdict}</translation>
    </message>
    <message>
        <source>{form} {total}/24 {verdict}</source>
        <translation>{form} {total}/24 {verdict}</translation>
    </message>
    <message>
        <source>Pain: {value}</source>
        <translation>疼痛：{value}</translation>
    </message>
    <message>
        <source>{value}/10</source>
        <translation>{value}/10</translation>
    </message>
    <message>
        <source>worst {worst}, average {average} (baseline, last 24 h)</source>
        <translation>最重 {worst}，平均 {average}（基线，过去 24 小时）</translation>
    </message>
    <message>
        <source>worst {worst}, average {average} at baseline; worst {now} at {when} ({date})</source>
        <translation>基线时最重 {worst}，平均 {average}；{when}（{date}）时最重 {now}</translation>
    </message>
    <message>
        <source>worst {worst}, average {average} at baseline; worst {now} at {when} ({date}); IMMPACT {response}</source>
        <translation>基线时最重 {worst}，平均 {average}；{when}（{date}）时最重 {now}；IMMPACT：{response}</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>未记录日期</translation>
    </message>
    <message>
        <source>Options: not ranked (no model loaded)</source>
        <translation>治疗方案：未排序（未加载模型）</translation>
    </message>
    <message>
        <source>Top options: {options}</source>
        <translation>首选方案：{options}</translation>
    </message>
    <message>
        <source>{position}. {label} {probability:.0%}</source>
        <translation>{position}. {label} {probability:.0%}</translation>
    </message>
    <message>
        <source>{position}. {label} {probability:.0%} ({status})</source>
        <translation>{position}. {label} {probability:.0%}（{status}）</translation>
    </message>
    <message>
        <source>Not recommended: {options}</source>
        <translation>不推荐：{options}</translation>
    </message>
    <message>
        <source>Urgent alerts: {count}</source>
        <translation>紧急警示：{count} 条</translation>
    </message>
    <message>
        <source>Urgent alerts: none</source>
        <translation>紧急警示：无</translation>
    </message>
    <message>
        <source>Refer to hub: YES</source>
        <translation>转诊至中心：是</translation>
    </message>
    <message>
        <source>Refer to hub: no</source>
        <translation>转诊至中心：否</translation>
    </message>
    <message>
        <source>Since the previous report: {summary}</source>
        <translation>与上次报告相比：{summary}</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>{count} new follow-up(s)</source>
        <translation>新增 {count} 次随访</translation>
    </message>
    <message>
        <source>{count} score(s) changed</source>
        <translation>{count} 项评分有变化</translation>
    </message>
    <message>
        <source>alerts +{added} / -{removed}</source>
        <translation>警示 +{added} / -{removed}</translation>
    </message>
    <message>
        <source>{count} alert(s) changed</source>
        <translation>{count} 条警示有变化</translation>
    </message>
    <message>
        <source>ranking changed</source>
        <translation>排序有变化</translation>
    </message>
    <message>
        <source>referral now recommended</source>
        <translation>现建议转诊</translation>
    </message>
    <message>
        <source>referral withdrawn</source>
        <translation>不再建议转诊</translation>
    </message>
    <message>
        <source>model or mechanism probabilities changed</source>
        <translation>模型或疼痛机制概率有变化</translation>
    </message>
    <message>
        <source>{code}: {message}</source>
        <translation>{code}：{message}</translation>
    </message>
    <message>
        <source>{label} ({date}): worst {worst}, average {average}</source>
        <translation>{label}（{date}）：最重 {worst}，平均 {average}</translation>
    </message>
    <message>
        <source>MEDD {medd} mg/day</source>
        <translation>MEDD {medd} mg/日</translation>
    </message>
    <message>
        <source>MEDD not known</source>
        <translation>MEDD 未知</translation>
    </message>
    <message>
        <source>started {treatment}</source>
        <translation>开始{treatment}</translation>
    </message>
    <message>
        <source>adherence {adherence}</source>
        <translation>依从性：{adherence}</translation>
    </message>
    <message>
        <source>adverse events: {events}</source>
        <translation>不良事件：{events}</translation>
    </message>
    <message>
        <source>IMMPACT: {response}</source>
        <translation>IMMPACT：{response}</translation>
    </message>
    <message>
        <source>First report of this case (no previous report given).</source>
        <translation>此病例的首份报告（无上一份报告）。</translation>
    </message>
    <message>
        <source>Previous report: {when} (fingerprint {fingerprint})</source>
        <translation>上一份报告：{when}（指纹 {fingerprint}）</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>无变化。</translation>
    </message>
    <message>
        <source>Model: {before} -&gt; {after}</source>
        <translation>模型：{before} -&gt; {after}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>New follow-ups: {count}</source>
        <translation>新增随访：{count} 次</translation>
    </message>
    <message>
        <source>{name}: {before} -&gt; {after}</source>
        <translation>{name}：{before} -&gt; {after}</translation>
    </message>
    <message>
        <source>Mechanism {mechanism}: {before} -&gt; {after}</source>
        <translation>{mechanism}机制：{before} -&gt; {after}</translation>
    </message>
    <message>
        <source>Mechanism {mechanism}: {before} -&gt; {after}, set {set_before} -&gt; {set_after}</source>
        <translation>{mechanism}机制：{before} -&gt; {after}，预测集 {set_before} -&gt; {set_after}</translation>
    </message>
    <message>
        <source>{{{answers}}}</source>
        <translation>{{{answers}}}</translation>
    </message>
    <message>
        <source>set()</source>
        <translation>空集</translation>
    </message>
    <message>
        <source>Option {option}: position {before} -&gt; {after} ({status_before} -&gt; {status_after})</source>
        <translation>方案 {option}：排名 {before} -&gt; {after}（{status_before} -&gt; {status_after}）</translation>
    </message>
    <message>
        <source>New alert [{severity}] {code}: {message}</source>
        <translation>新增警示 [{severity}] {code}：{message}</translation>
    </message>
    <message>
        <source>Resolved alert {code}: {message}</source>
        <translation>已解除警示 {code}：{message}</translation>
    </message>
    <message>
        <source>Changed alert [{severity}] {code}: {message} (was: {before})</source>
        <translation>已变更警示 [{severity}] {code}：{message}（原为：{before}）</translation>
    </message>
    <message>
        <source>Referral: recommended</source>
        <translation>转诊：现建议转诊</translation>
    </message>
    <message>
        <source>Referral: no longer recommended</source>
        <translation>转诊：不再建议转诊</translation>
    </message>
    <message>
        <source>NRS worst</source>
        <translation>NRS 最重</translation>
    </message>
    <message>
        <source>NRS average</source>
        <translation>NRS 平均</translation>
    </message>
    <message>
        <source>BPI severity</source>
        <translation>BPI 疼痛严重程度</translation>
    </message>
    <message>
        <source>BPI interference</source>
        <translation>BPI 疼痛干扰</translation>
    </message>
    <message>
        <source>MEDD mg/day</source>
        <translation>MEDD mg/日</translation>
    </message>
    <message>
        <source>Analgesic level</source>
        <translation>镇痛级别</translation>
    </message>
    <message>
        <source>CrCl mL/min</source>
        <translation>CrCl mL/min</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>none (no model loaded)</source>
        <translation>无（未加载模型）</translation>
    </message>
    <message>
        <source>Settings: {version}; {settings}</source>
        <translation>设置：{version}；{settings}</translation>
    </message>
    <message>
        <source>all defaults</source>
        <translation>全部为默认值</translation>
    </message>
    <message>
        <source>defaults except {changed}</source>
        <translation>除 {changed} 外均为默认值</translation>
    </message>
    <message>
        <source>Inputs fingerprint (sha256): {fingerprint}</source>
        <translation>输入指纹（sha256）：{fingerprint}</translation>
    </message>
    <message>
        <source>Report format: {format}</source>
        <translation>报告格式：{format}</translation>
    </message>
    <message>
        <source>Model: {model}. Each mechanism may be present alongside the others.</source>
        <translation>模型：{model}。各种机制可能同时存在。</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>未知模型</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>{mechanism}: {probability:.0%}; prediction set {answers} at {coverage:.0%} coverage -&gt; {call}</source>
        <translation>{mechanism}：{probability:.0%}；在 {coverage:.0%} 覆盖率下预测集为 {answers} -&gt; {call}</translation>
    </message>
    <message>
        <source>drivers (logit): {drivers}</source>
        <translation>驱动因素（logit）：{drivers}</translation>
    </message>
    <message>
        <source>{contribution:+.2f} {label} = {value}</source>
        <translation>{contribution:+.2f} {label} = {value}</translation>
    </message>
    <message>
        <source>no single feature stands out</source>
        <translation>没有突出的单一特征</translation>
    </message>
    <message>
        <source>Input check: {verdict} (distance {score:.2f}, threshold {threshold:.2f})</source>
        <translation>输入检查：{verdict}（距离 {score:.2f}，阈值 {threshold:.2f}）</translation>
    </message>
    <message>
        <source>OUT OF DISTRIBUTION</source>
        <translation>超出训练数据分布</translation>
    </message>
    <message>
        <source>within the training data</source>
        <translation>在训练数据范围内</translation>
    </message>
    <message>
        <source>Missing model inputs: {features}</source>
        <translation>缺失的模型输入：{features}</translation>
    </message>
    <message>
        <source>Model: {model}. {note}</source>
        <translation>模型：{model}。{note}</translation>
    </message>
    <message>
        <source>{position}. {label}: {probability:.0%} chance of &gt;= 30% relief (model rank {rank})</source>
        <translation>{position}. {label}：疼痛减轻 &gt;= 30% 的概率 {probability:.0%}（模型排名 {rank}）</translation>
    </message>
    <message>
        <source>{position}. {label}: {probability:.0%} chance of &gt;= 30% relief (model rank {rank}) - MOVED DOWN</source>
        <translation>{position}. {label}：疼痛减轻 &gt;= 30% 的概率 {probability:.0%}（模型排名 {rank}）- 已下调</translation>
    </message>
    <message>
        <source>{position}. {label}: {probability:.0%} chance of &gt;= 30% relief (model rank {rank}) - NOT RECOMMENDED</source>
        <translation>{position}. {label}：疼痛减轻 &gt;= 30% 的概率 {probability:.0%}（模型排名 {rank}）- 不推荐</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>caution [{severity}] {code}: {message}</source>
        <translation>注意事项 [{severity}] {code}：{message}</translation>
    </message>
    <message>
        <source>side effects: {effects}</source>
        <translation>副作用：{effects}</translation>
    </message>
    <message>
        <source>sending cases</source>
        <translation>正在发送病例</translation>
    </message>
    <message>
        <source>receiving answers</source>
        <translation>正在接收答复</translation>
    </message>
    <message>
        <source>checking for a model update</source>
        <translation>正在检查模型更新</translation>
    </message>
    <message>
        <source>{count:d} sent</source>
        <translation>已发送 {count:d} 个</translation>
    </message>
    <message>
        <source>Connected to {clinic}&apos;s hub at {url}.</source>
        <translation>已连接到 {clinic} 的中心（{url}）。</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <source>No hub address is set: cases are kept on this computer and wait in the outbox.</source>
        <translation>未设置中心地址：病例保存在本机，在发件箱中等待发送。</translation>
    </message>
    <message>
        <source>checking the hub&apos;s model list</source>
        <translation>正在检查中心的模型列表</translation>
    </message>
    <message>
        <source>downloading model {version}</source>
        <translation>正在下载模型 {version}</translation>
    </message>
    <message>
        <source>verifying model {version}</source>
        <translation>正在验证模型 {version}</translation>
    </message>
    <message>
        <source>Model updates have not been checked yet.</source>
        <translation>尚未检查模型更新。</translation>
    </message>
    <message>
        <source>The hub&apos;s model list could not be verified for {days} days past its expiry: the last verified model stays in use.</source>
        <translation>中心的模型列表已过期 {days} 天仍无法验证：继续使用最后一次验证的模型。</translation>
    </message>
    <message>
        <source>Model list verified {when} UTC.</source>
        <translation>模型列表已于 {when} UTC 验证。</translation>
    </message>
    <message>
        <source>Trained on a synthetic cohort; not clinically validated.</source>
        <translation>基于合成队列训练；未经临床验证。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved work found</source>
        <translation>发现未保存的工作</translation>
    </message>
    <message>
        <source>PainBridge kept a draft of a case you had not saved (%1, last change %2). Restore it now?</source>
        <translation>PainBridge 保留了一份您未保存的病例草稿（%1，最后修改于 %2）。现在恢复吗？</translation>
    </message>
    <message>
        <source>new case</source>
        <translation>新病例</translation>
    </message>
    <message numerus="yes">
        <source>%n more draft(s) will be offered next time.</source>
        <translation>
            <numerusform>下次还会提示另外 %n 份草稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>将报告导出为 PDF</translation>
    </message>
    <message>
        <source>Roll back the model</source>
        <translation>回退模型</translation>
    </message>
    <message>
        <source>Use model %1 again instead of %2? Reports made from now on use %1; reports already made keep the model they were made with.</source>
        <translation>重新使用模型 %1 替代 %2 吗？此后生成的报告将使用 %1；已生成的报告保留生成时所用的模型。</translation>
    </message>
</context>
<context>
    <name>DriverChart</name>
    <message>
        <source>Drivers of this prediction</source>
        <translation>此预测的驱动因素</translation>
    </message>
    <message>
        <source>No single feature stands out.</source>
        <translation>没有特别突出的单一特征。</translation>
    </message>
    <message>
        <source>(other features)</source>
        <translation>（其他特征）</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>substantial responder (≥ 50 % less pain)</source>
        <translation>显著缓解（疼痛减轻 ≥ 50%）</translation>
    </message>
    <message>
        <source>moderate responder (≥ 30 % less pain)</source>
        <translation>中度缓解（疼痛减轻 ≥ 30%）</translation>
    </message>
    <message>
        <source>non-responder (&lt; 30 % less pain)</source>
        <translation>未达有效缓解（疼痛减轻 &lt; 30%）</translation>
    </message>
    <message>
        <source>pain worse than at baseline</source>
        <translation>疼痛较基线加重</translation>
    </message>
    <message>
        <source>not evaluable</source>
        <translation>无法评价</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Follow-up %1 (%2)</source>
        <translation>第 %1 次随访（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>responder status not computable: %1</source>
        <translation>无法计算应答状态：%1</translation>
    </message>
    <message>
        <source>%1 pain %2 → %3: %5</source>
        <translation>%1疼痛 %2 → %3：%5</translation>
    </message>
    <message>
        <source>%1 pain %2 → %3 (%4 %): %5</source>
        <translation>%1疼痛 %2 → %3（%4 %）：%5</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>%1: %2 (IMMPACT)</source>
        <translation>%1：%2（IMMPACT）</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Pain trajectory</source>
        <translation>疼痛变化轨迹</translation>
    </message>
    <message>
        <source>Responder status</source>
        <translation>应答状态</translation>
    </message>
    <message>
        <source>IMMPACT: at least 30 % less pain is a moderate, at least 50 % a substantial improvement, compared with the baseline assessment.</source>
        <translation>IMMPACT：与基线评估相比，疼痛减轻至少 30% 为中度改善，至少 50% 为显著改善。</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>随访：</translation>
    </message>
    <message>
        <source>&amp;New follow-up</source>
        <translation>新建随访(&amp;N)</translation>
    </message>
    <message>
        <source>Remove this follow-up</source>
        <translation>删除此次随访</translation>
    </message>
    <message>
        <source>Save and &amp;re-assess</source>
        <translation>保存并重新评估(&amp;R)</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>No follow-up recorded yet. Choose &quot;New follow-up&quot; (Alt+N).</source>
        <translation>尚无随访记录。请选择“新建随访”（Alt+N）。</translation>
    </message>
    <message>
        <source>Follow-up %1</source>
        <translation>第 %1 次随访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Worst pain</source>
        <translation>最剧烈疼痛</translation>
    </message>
    <message>
        <source>Least pain</source>
        <translation>最轻疼痛</translation>
    </message>
    <message>
        <source>Average pain</source>
        <translation>平均疼痛</translation>
    </message>
    <message>
        <source>Pain now</source>
        <translation>当前疼痛</translation>
    </message>
    <message>
        <source>Treatment started</source>
        <translation>开始的治疗</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>依从性</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>不良事件</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No follow-up with pain scores yet.</source>
        <translation>尚无带疼痛评分的随访。</translation>
    </message>
</context>
<context>
    <name>HubReview</name>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>尽快</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>化名编号</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>HubReviewView</name>
    <message>
        <source>Hub review</source>
        <translation>中心审阅</translation>
    </message>
    <message>
        <source>Review queue (most urgent first)</source>
        <translation>审阅队列（最紧急的在前）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Claim and open</source>
        <translation>认领并打开(&amp;C)</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Nociceptive</source>
        <translation>伤害感受性</translation>
    </message>
    <message>
        <source>Neuropathic</source>
        <translation>神经病理性</translation>
    </message>
    <message>
        <source>Nociplastic</source>
        <translation>伤害可塑性</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Confirmed mechanisms</source>
        <translation>确认的机制</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>What to do, doses, what to watch for</source>
        <translation>处理措施、剂量及注意事项</translation>
    </message>
    <message>
        <source>Recommendation and notes</source>
        <translation>建议与备注</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Follow up after</source>
        <translation>随访间隔</translation>
    </message>
    <message>
        <source>On-site visit needed</source>
        <translation>需要现场会诊</translation>
    </message>
    <message>
        <source>purpose of the visit</source>
        <translation>会诊目的</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>会诊</translation>
    </message>
    <message>
        <source>&amp;Send recommendation</source>
        <translation>发送建议(&amp;S)</translation>
    </message>
    <message>
        <source>The clinic sent no referral with this version.</source>
        <translation>诊所未随此版本发送转诊申请。</translation>
    </message>
    <message>
        <source>The clinician requested this review.</source>
        <translation>临床医生申请了此次审阅。</translation>
    </message>
    <message>
        <source>Sent by the clinic without a request for review.</source>
        <translation>由诊所发送，未申请审阅。</translation>
    </message>
    <message>
        <source>The clinic&apos;s report recommends referral:</source>
        <translation>诊所的报告建议转诊：</translation>
    </message>
    <message>
        <source>The clinic&apos;s report does not recommend referral.</source>
        <translation>诊所的报告未建议转诊。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>HubReviewViewModel</name>
    <message>
        <source>Loading the review queue</source>
        <translation>正在加载审阅队列</translation>
    </message>
    <message>
        <source>Opening the case</source>
        <translation>正在打开病例</translation>
    </message>
    <message>
        <source>Sending the recommendation</source>
        <translation>正在发送建议</translation>
    </message>
    <message>
        <source>Recommendation sent to the clinic.</source>
        <translation>建议已发送至诊所。</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Request for information</source>
        <translation>补充信息请求</translation>
    </message>
    <message>
        <source>Planned on-site visit</source>
        <translation>计划现场会诊</translation>
    </message>
    <message>
        <source>Model release</source>
        <translation>模型发布</translation>
    </message>
    <message>
        <source>nociceptive</source>
        <translation>伤害感受性</translation>
    </message>
    <message>
        <source>neuropathic</source>
        <translation>神经病理性</translation>
    </message>
    <message>
        <source>nociplastic</source>
        <translation>伤害可塑性</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Verified: signed by the hub this computer is enrolled with.</source>
        <translation>已验证：由本机注册的中心签名。</translation>
    </message>
    <message>
        <source>⚠ NOT verified: the hub signature does not match the hub key this computer trusts. Do not act on it; tell IT.</source>
        <translation>⚠ 未通过验证：中心签名与本机信任的中心密钥不符。请勿据此采取任何措施，并告知 IT 人员。</translation>
    </message>
    <message>
        <source>Not checked: this computer is not enrolled with a hub any more.</source>
        <translation>未检查：本机已不再注册到任何中心。</translation>
    </message>
    <message>
        <source>all clinics</source>
        <translation>所有诊所</translation>
    </message>
    <message>
        <source>case %1 (not on this computer)</source>
        <translation>病例 %1（不在本机）</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>未读：%1</translation>
    </message>
    <message>
        <source>no interval given</source>
        <translation>未指定间隔</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（%1 到期）</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>尚未阅读。</translation>
    </message>
    <message>
        <source>Read by %1 on %2; the hub is told at the next sync.</source>
        <translation>%1 已于 %2 阅读；下次同步时告知中心。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Case version</source>
        <translation>病例版本</translation>
    </message>
    <message>
        <source>Hub expert</source>
        <translation>中心专家</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>会诊日期</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Hub signature</source>
        <translation>中心签名</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>阅读状态</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>未计划</translation>
    </message>
    <message>
        <source>Confirmed mechanisms</source>
        <translation>确认的机制</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>无变更</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>现场会诊</translation>
    </message>
    <message>
        <source>The hub connection is not set up on this computer, so no recommendations can arrive yet. Cases are kept here and queued in the outbox; nothing is lost. IT sets the hub address and enrollment code in Settings.</source>
        <translation>本机尚未设置与中心的连接，因此还不会收到建议。病例保存在本机并在发件箱中排队，不会丢失。IT 人员会在“设置”中填写中心地址和注册码。</translation>
    </message>
    <message>
        <source>Recommendations from hub experts appear here and in their case. Opening one tells the hub that it was read.</source>
        <translation>中心专家的建议会显示在这里以及对应的病例中。打开一条建议即会告知中心已阅读。</translation>
    </message>
    <message>
        <source>No recommendations yet.</source>
        <translation>暂无建议。</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Hub inbox</source>
        <translation>中心收件箱</translation>
    </message>
    <message>
        <source>&amp;Messages (newest first)</source>
        <translation>消息（最新的在前）(&amp;M)</translation>
    </message>
    <message>
        <source>Choose a message and press Enter to read it.</source>
        <translation>选择一条消息，按 Enter 键阅读。</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>打开病例(&amp;O)</translation>
    </message>
    <message>
        <source>Go to the case this message is about</source>
        <translation>转到此消息所涉及的病例</translation>
    </message>
    <message>
        <source>This message is not about a case on this computer</source>
        <translation>此消息涉及的病例不在本机</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PainBridge - cancer pain decision support</source>
        <translation>PainBridge - 癌痛决策支持</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>当前病例</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Hub inbox</source>
        <translation>中心收件箱</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Hub review</source>
        <translation>中心审阅</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>新建病例(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save and &amp;assess</source>
        <translation>保存并评估(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export report as PDF…</source>
        <translation>将报告导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find a case</source>
        <translation>查找病例(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the case &amp;list</source>
        <translation>筛选病例列表(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s) from the hub</source>
        <translation>
            <numerusform>%n 条来自中心的未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub expert at %1</source>
        <translation>中心专家（%1）</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>临床医生</translation>
    </message>
    <message>
        <source>IT admin</source>
        <translation>IT 管理员</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Report saved as %1</source>
        <translation>报告已保存为 %1</translation>
    </message>
    <message>
        <source>Assess the case first: there is no report to export.</source>
        <translation>请先评估病例：目前没有可导出的报告。</translation>
    </message>
    <message>
        <source>Assess the case first: there is no report to print.</source>
        <translation>请先评估病例：目前没有可打印的报告。</translation>
    </message>
</context>
<context>
    <name>MedicationsPage</name>
    <message>
        <source>Morphine equivalent daily dose (MEDD)</source>
        <translation>每日口服吗啡当量剂量（MEDD）</translation>
    </message>
    <message>
        <source>MEDD</source>
        <translation>MEDD</translation>
    </message>
    <message>
        <source>Computed from the list below as you type. Patches and infusions: give µg/h; everything else: mg per day.</source>
        <translation>输入时根据下方列表实时计算。贴剂和输注：填写 µg/h；其他：填写每日 mg。</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>当前用药</translation>
    </message>
    <message>
        <source>&amp;Add medication</source>
        <translation>添加药物(&amp;A)</translation>
    </message>
    <message>
        <source>Record: no current medications</source>
        <translation>记录：目前未用药</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>途径</translation>
    </message>
    <message>
        <source>mg per day</source>
        <translation>每日 mg</translation>
    </message>
    <message>
        <source>µg per hour</source>
        <translation>每小时 µg</translation>
    </message>
    <message>
        <source>MME mg/day</source>
        <translation>吗啡当量 mg/日</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this medication from the list</source>
        <translation>从列表中删除此药物</translation>
    </message>
    <message>
        <source>not converted: %1</source>
        <translation>未换算：%1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase for user &apos;%1&apos; is not correct. Nothing was changed. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>用户“%1”的口令不正确。未做任何更改。请检查大写锁定键和键盘布局后重试。</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos; on this computer. Check the spelling, or ask IT to add you.</source>
        <translation>本机没有用户“%1”。请检查拼写，或请 IT 人员为您添加账户。</translation>
    </message>
    <message>
        <source>PainBridge found damaged or altered data (%1). Nothing was changed. Contact IT: the data can be restored from the hub or a backup.</source>
        <translation>PainBridge 发现数据已损坏或被改动（%1）。未做任何更改。请联系 IT：数据可从中心或备份中恢复。</translation>
    </message>
    <message>
        <source>The disk is full. The last change was NOT saved; everything saved before it is safe. Free some disk space, then save again.</source>
        <translation>磁盘已满。最后一次更改未保存；此前保存的内容都是安全的。请释放一些磁盘空间后再保存。</translation>
    </message>
    <message>
        <source>The data is busy: another PainBridge window or program is saving. Nothing was saved. Close the other program or wait a moment, then try again.</source>
        <translation>数据正忙：另一个 PainBridge 窗口或程序正在保存。未保存任何内容。请关闭另一个程序或稍等片刻后重试。</translation>
    </message>
    <message>
        <source>This passphrase is too weak: %1.</source>
        <translation>此口令强度不足：%1。</translation>
    </message>
    <message>
        <source>Some fields need attention:</source>
        <translation>以下字段需要处理：</translation>
    </message>
    <message>
        <source>(the crash report could not be written)</source>
        <translation>（无法写入崩溃报告）</translation>
    </message>
    <message>
        <source>Internal error (%1): this is a bug in PainBridge, not something you did. Your saved data is safe. A crash report was written to %2</source>
        <translation>内部错误（%1）：这是 PainBridge 的程序缺陷，并非您的操作所致。已保存的数据是安全的。崩溃报告已写入 %2</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Active model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <source>Check for update</source>
        <translation>检查更新</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>立即更新</translation>
    </message>
    <message>
        <source>Roll back to previous</source>
        <translation>回退到上一个模型</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>模型说明卡</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis: the bundled models are trained on a synthetic cohort and are not for clinical use until a hub validates them.</source>
        <translation>仅为决策支持，并非诊断：随附模型基于合成队列训练，在中心用真实数据验证之前不得用于临床。</translation>
    </message>
    <message>
        <source>No model card available.</source>
        <translation>没有可用的模型说明卡。</translation>
    </message>
    <message>
        <source>Update available: %1</source>
        <translation>有可用更新：%1</translation>
    </message>
    <message>
        <source>No update available (last check: %1).</source>
        <translation>没有可用更新（上次检查：%1）。</translation>
    </message>
    <message>
        <source>Model updates come from the hub once this computer is enrolled.</source>
        <translation>本机注册后，模型更新将由中心提供。</translation>
    </message>
    <message>
        <source>Enroll this computer with a hub first (Settings).</source>
        <translation>请先将本机注册到中心（设置）。</translation>
    </message>
    <message>
        <source>Only an IT admin may update or roll back the model.</source>
        <translation>只有 IT 管理员可以更新或回退模型。</translation>
    </message>
    <message>
        <source>Download, verify and activate model %1.</source>
        <translation>下载、验证并启用模型 %1。</translation>
    </message>
    <message>
        <source>Check for an update first: there is nothing to install.</source>
        <translation>请先检查更新：目前没有可安装的内容。</translation>
    </message>
    <message>
        <source>Use model %1 again.</source>
        <translation>重新使用模型 %1。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: the hub&apos;s last verified model list expired %n day(s) ago (last verified %1). The model in use stays until the hub can be checked again.</source>
        <translation>
            <numerusform>已逾期：中心最近一次验证的模型列表已于 %n 天前过期（上次验证：%1）。在能再次与中心核对之前，继续使用当前模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no previous model on this computer.</source>
        <translation>本机没有上一个模型。</translation>
    </message>
</context>
<context>
    <name>ModelUpdatesViewModel</name>
    <message>
        <source>Checking for a model update</source>
        <translation>正在检查模型更新</translation>
    </message>
    <message>
        <source>Model %1 is available from the hub: use Update now to install it.</source>
        <translation>中心提供了模型 %1：请点击“立即更新”进行安装。</translation>
    </message>
    <message>
        <source>The model is up to date.</source>
        <translation>模型已是最新版本。</translation>
    </message>
    <message>
        <source>The hub has not published a model update yet.</source>
        <translation>中心尚未发布模型更新。</translation>
    </message>
    <message>
        <source>Updating the model</source>
        <translation>正在更新模型</translation>
    </message>
    <message>
        <source>Model %1 is installed and in use: the next report uses it.</source>
        <translation>模型 %1 已安装并启用：下一份报告将使用该模型。</translation>
    </message>
    <message>
        <source>Rolling back the model</source>
        <translation>正在回退模型</translation>
    </message>
    <message>
        <source>Model %1 is in use again: the next report uses it.</source>
        <translation>已重新启用模型 %1：下一份报告将使用该模型。</translation>
    </message>
</context>
<context>
    <name>PainPage</name>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Assessment &amp;date</source>
        <translation>评估日期(&amp;D)</translation>
    </message>
    <message>
        <source>Pain intensity, last 24 hours (NRS 0-10)</source>
        <translation>过去 24 小时疼痛强度（NRS 0-10）</translation>
    </message>
    <message>
        <source>&amp;Worst</source>
        <translation>最剧烈(&amp;W)</translation>
    </message>
    <message>
        <source>Least</source>
        <translation>最轻</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Right now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>0 = no pain, 10 = pain as bad as you can imagine (BPI-SF items 3-6).</source>
        <translation>0 = 无痛，10 = 能想象的最剧烈疼痛（BPI-SF 第 3-6 项）。</translation>
    </message>
    <message>
        <source>How much pain interfered, last 24 hours (BPI 0-10)</source>
        <translation>过去 24 小时疼痛的影响程度（BPI 0-10）</translation>
    </message>
    <message>
        <source>General activity</source>
        <translation>日常活动</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Walking ability</source>
        <translation>行走能力</translation>
    </message>
    <message>
        <source>Normal work</source>
        <translation>日常工作</translation>
    </message>
    <message>
        <source>Relations with other people</source>
        <translation>与他人的关系</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <source>Enjoyment of life</source>
        <translation>生活乐趣</translation>
    </message>
    <message>
        <source>Relief from treatment</source>
        <translation>治疗缓解程度</translation>
    </message>
    <message>
        <source>Pain pattern</source>
        <translation>疼痛模式</translation>
    </message>
    <message>
        <source>Widespread</source>
        <translation>广泛性</translation>
    </message>
    <message>
        <source>Related to movement</source>
        <translation>与活动相关</translation>
    </message>
    <message>
        <source>Localized</source>
        <translation>局限性</translation>
    </message>
    <message>
        <source>Breakthrough episodes</source>
        <translation>爆发痛次数</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Mood and sleep</source>
        <translation>情绪与睡眠</translation>
    </message>
    <message>
        <source>PHQ-2 total</source>
        <translation>PHQ-2 总分</translation>
    </message>
    <message>
        <source>GAD-2 total</source>
        <translation>GAD-2 总分</translation>
    </message>
    <message>
        <source>Sleep disturbance</source>
        <translation>睡眠障碍</translation>
    </message>
    <message>
        <source>Fatigue</source>
        <translation>疲乏</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Name and contact stay on this computer; they are never sent.</source>
        <translation>姓名和联系方式只保存在本机，绝不会发送。</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>化名编号</translation>
    </message>
    <message>
        <source>given when the case is first saved</source>
        <translation>首次保存病例时生成</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Consents to sharing with the hub</source>
        <translation>同意与中心共享</translation>
    </message>
    <message>
        <source>Cancer</source>
        <translation>肿瘤</translation>
    </message>
    <message>
        <source>Primary site</source>
        <translation>原发部位</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Metastases</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Perineural invasion</source>
        <translation>神经周围侵犯</translation>
    </message>
    <message>
        <source>Nerve plexus involvement</source>
        <translation>神经丛受累</translation>
    </message>
    <message>
        <source>Treatments received</source>
        <translation>已接受的治疗</translation>
    </message>
</context>
<context>
    <name>PreferencesViewModel</name>
    <message>
        <source>Saving settings</source>
        <translation>正在保存设置</translation>
    </message>
</context>
<context>
    <name>ProbabilityBar</name>
    <message>
        <source>%1 percent</source>
        <translation>百分之 %1</translation>
    </message>
</context>
<context>
    <name>RemoveUserDialog</name>
    <message>
        <source>Remove user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>Remove user &apos;%1&apos;? They can no longer sign in on this computer. The cases they saved and the audit log stay.</source>
        <translation>删除用户“%1”？该用户将无法再在本机登录。其保存的病例和审计日志会保留。</translation>
    </message>
    <message>
        <source>&amp;Your passphrase</source>
        <translation>您的口令(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>(no pseudonym)</source>
        <translation>（无化名编号）</translation>
    </message>
    <message>
        <source>PainBridge report - %1</source>
        <translation>PainBridge 报告 - %1</translation>
    </message>
    <message>
        <source>Case %1; assessment %2; generated %3</source>
        <translation>病例 %1；评估日期 %2；生成时间 %3</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Pain mechanism</source>
        <translation>疼痛机制</translation>
    </message>
    <message>
        <source>Treatment options</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Referral to hub</source>
        <translation>转诊至中心</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>疼痛变化轨迹</translation>
    </message>
    <message>
        <source>Changes since the previous report</source>
        <translation>与上一份报告相比的变化</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源信息</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>无警示。</translation>
    </message>
    <message>
        <source>rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>inputs: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>moved down</source>
        <translation>已下调</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>affects: %1 (%2)</source>
        <translation>涉及：%1（%2）</translation>
    </message>
    <message>
        <source>Not recommended by the referral rules (a clinician may still refer).</source>
        <translation>转诊规则未建议转诊（临床医生仍可转诊）。</translation>
    </message>
    <message>
        <source>Recommended:</source>
        <translation>建议转诊：</translation>
    </message>
    <message>
        <source>Refer when any enabled referral rule fires (settings refer_on_*)</source>
        <translation>任一已启用的转诊规则触发时建议转诊（设置 refer_on_*）</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file (Ctrl+E)</source>
        <translation>将报告保存为 PDF 文件（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>打印报告（Ctrl+P）</translation>
    </message>
    <message>
        <source>No report yet. Open a case and choose &quot;Save and assess&quot; (Ctrl+Return).</source>
        <translation>尚无报告。请打开病例并选择“保存并评估”（Ctrl+Return）。</translation>
    </message>
    <message>
        <source>Report - %1 - assessment %2</source>
        <translation>报告 - %1 - 评估日期 %2</translation>
    </message>
    <message>
        <source>(no pseudonym)</source>
        <translation>（无化名编号）</translation>
    </message>
    <message>
        <source>no model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Pain mechanism</source>
        <translation>疼痛机制</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Each mechanism may be present alongside the others.</source>
        <translation>各种机制可能同时存在。</translation>
    </message>
    <message>
        <source>⚠ Unusual case: unlike the cases the model was trained on (distance %1, threshold %2).</source>
        <translation>⚠ 非典型病例：与模型训练所用病例不同（距离 %1，阈值 %2）。</translation>
    </message>
    <message>
        <source>Input check: within the training data (distance %1, threshold %2).</source>
        <translation>输入检查：在训练数据范围内（距离 %1，阈值 %2）。</translation>
    </message>
    <message>
        <source>Nociceptive</source>
        <translation>伤害感受性</translation>
    </message>
    <message>
        <source>Neuropathic</source>
        <translation>神经病理性</translation>
    </message>
    <message>
        <source>Nociplastic</source>
        <translation>伤害可塑性</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>likely present</source>
        <translation>可能存在</translation>
    </message>
    <message>
        <source>likely absent</source>
        <translation>可能不存在</translation>
    </message>
    <message>
        <source>model cannot decide</source>
        <translation>模型无法判断</translation>
    </message>
    <message>
        <source>no answer fits</source>
        <translation>没有合适的答案</translation>
    </message>
    <message>
        <source>prediction set %1 at %2 coverage: %3</source>
        <translation>预测集 %1（覆盖率 %2）：%3</translation>
    </message>
    <message>
        <source>Drivers</source>
        <translation>驱动因素</translation>
    </message>
    <message>
        <source>Show what raised or lowered this prediction</source>
        <translation>显示提高或降低此预测的因素</translation>
    </message>
    <message>
        <source>Treatment options</source>
        <translation>治疗选项</translation>
    </message>
    <message>
        <source>Ranked</source>
        <translation>已排序</translation>
    </message>
    <message>
        <source>Moved down</source>
        <translation>已下调</translation>
    </message>
    <message>
        <source>Not recommended</source>
        <translation>不推荐</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Side effects: %1</source>
        <translation>副作用：%1</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n)</source>
        <translation>
            <numerusform>警示（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>无警示。</translation>
    </message>
    <message>
        <source>Rule: %1 - Source: %2</source>
        <translation>规则：%1 - 来源：%2</translation>
    </message>
    <message>
        <source>Referral to the hub</source>
        <translation>转诊至中心</translation>
    </message>
    <message>
        <source>Recommended, because:</source>
        <translation>建议转诊，原因：</translation>
    </message>
    <message>
        <source>Not recommended by the referral rules (you may still refer).</source>
        <translation>转诊规则未建议转诊（您仍可转诊）。</translation>
    </message>
    <message>
        <source>I request a hub review for this case</source>
        <translation>我申请中心审阅此病例</translation>
    </message>
    <message>
        <source>Send to &amp;hub</source>
        <translation>发送至中心(&amp;H)</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Pain trajectory</source>
        <translation>疼痛变化轨迹</translation>
    </message>
    <message>
        <source>Changes since the previous report</source>
        <translation>与上一份报告相比的变化</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源信息</translation>
    </message>
    <message>
        <source>Assessing…</source>
        <translation>正在评估…</translation>
    </message>
</context>
<context>
    <name>ReportViewModel</name>
    <message>
        <source>Assess the case first: the report is what is sent.</source>
        <translation>请先评估病例：发送的是报告。</translation>
    </message>
    <message>
        <source>The patient has not consented to sharing. Record the consent on the Patient tab (&quot;Consents to sharing with the hub&quot;) before sending.</source>
        <translation>患者未同意共享。发送前请在“患者”页记录同意（“同意与中心共享”）。</translation>
    </message>
    <message>
        <source>The hub connection is not set up on this computer yet (Settings: hub address and enrollment). The case stays here; nothing is lost.</source>
        <translation>本机尚未设置与中心的连接（设置：中心地址与注册）。病例保留在本机，不会丢失。</translation>
    </message>
    <message>
        <source>Queuing the case for the hub…</source>
        <translation>正在将病例加入发往中心的队列…</translation>
    </message>
    <message>
        <source>Hub referral recommended: %1</source>
        <translation>建议转诊至中心：%1</translation>
    </message>
    <message>
        <source>Hub referral not recommended by the rules; you may still send the case.</source>
        <translation>转诊规则未建议转诊至中心；您仍可发送此病例。</translation>
    </message>
    <message>
        <source>Hub: referral queued for the hub.</source>
        <translation>中心：转诊申请已排队，等待发往中心。</translation>
    </message>
    <message>
        <source>Hub: referral sent; waiting for the hub to confirm.</source>
        <translation>中心：转诊申请已发送；等待中心确认。</translation>
    </message>
    <message>
        <source>Hub: not sent (%1).</source>
        <translation>中心：未发送（%1）。</translation>
    </message>
    <message>
        <source>Hub: not sent yet.</source>
        <translation>中心：尚未发送。</translation>
    </message>
    <message>
        <source>Hub: queued for the hub.</source>
        <translation>中心：已排队，等待发往中心。</translation>
    </message>
    <message>
        <source>Hub: sent; waiting for the hub to confirm.</source>
        <translation>中心：已发送；等待中心确认。</translation>
    </message>
    <message>
        <source>Hub: received by the hub; waiting for an expert.</source>
        <translation>中心：中心已接收；等待专家处理。</translation>
    </message>
    <message>
        <source>Hub: in review at the hub.</source>
        <translation>中心：中心审阅中。</translation>
    </message>
    <message>
        <source>Hub: answered; the answer is on its way.</source>
        <translation>中心：已回复；回复正在传送中。</translation>
    </message>
    <message>
        <source>Hub: the hub&apos;s answer is here (Inbox).</source>
        <translation>中心：中心的回复已送达（收件箱）。</translation>
    </message>
    <message>
        <source>Hub: the hub&apos;s answer was read.</source>
        <translation>中心：中心的回复已阅读。</translation>
    </message>
    <message>
        <source>Exporting the report</source>
        <translation>正在导出报告</translation>
    </message>
</context>
<context>
    <name>Scores</name>
    <message>
        <source>no pain</source>
        <translation>无痛</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>not computable: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>%1 / 10 (mean of 4 items)</source>
        <translation>%1 / 10（4 项平均值）</translation>
    </message>
    <message>
        <source>%1 / 10 (%2 of 7 items answered)</source>
        <translation>%1 / 10（已回答 7 项中的 %2 项）</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>%1 / %2: %3 (cut-off ≥ %4, %5)</source>
        <translation>%1 / %2：%3（界值 ≥ %4，%5）</translation>
    </message>
    <message>
        <source>%1 %2 / %3: %4 (cut-off ≥ %5)</source>
        <translation>%1 %2 / %3：%4（界值 ≥ %5）</translation>
    </message>
    <message>
        <source>%1 mg/day oral morphine equivalent (%2)</source>
        <translation>口服吗啡当量 %1 mg/日（%2）</translation>
    </message>
    <message>
        <source>incomplete: some opioids could not be converted</source>
        <translation>不完整：部分阿片类药物无法换算</translation>
    </message>
    <message>
        <source>no analgesic</source>
        <translation>未使用镇痛药</translation>
    </message>
    <message>
        <source>non-opioid</source>
        <translation>非阿片类</translation>
    </message>
    <message>
        <source>weak opioid</source>
        <translation>弱阿片类药物</translation>
    </message>
    <message>
        <source>strong opioid</source>
        <translation>强阿片类药物</translation>
    </message>
    <message>
        <source>%1: possible under-treatment (a prompt, not a verdict)</source>
        <translation>%1：可能治疗不足（仅为提示，并非结论）</translation>
    </message>
    <message>
        <source>%1: analgesia matches the pain level</source>
        <translation>%1：镇痛与疼痛程度相符</translation>
    </message>
    <message>
        <source>BPI severity</source>
        <translation>BPI 疼痛程度</translation>
    </message>
    <message>
        <source>BPI interference</source>
        <translation>BPI 疼痛影响</translation>
    </message>
    <message>
        <source>DN4</source>
        <translation>DN4</translation>
    </message>
    <message>
        <source>DN4 interview</source>
        <translation>DN4 问诊部分</translation>
    </message>
    <message>
        <source>LANSS</source>
        <translation>LANSS</translation>
    </message>
    <message>
        <source>MEDD</source>
        <translation>MEDD</translation>
    </message>
    <message>
        <source>Analgesic level</source>
        <translation>镇痛药级别</translation>
    </message>
    <message>
        <source>PMI</source>
        <translation>PMI</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <source>Scores (live)</source>
        <translation>评分（实时）</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Scores leave out the fields marked ⚠ until they are corrected.</source>
        <translation>在更正之前，评分不计入标有 ⚠ 的字段。</translation>
    </message>
    <message numerus="yes">
        <source>Needs attention (%n field(s))</source>
        <translation>
            <numerusform>需要处理（%n 个字段）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>DN4 - interview (items 1-7)</source>
        <translation>DN4 - 问诊（第 1-7 项）</translation>
    </message>
    <message>
        <source>1. Burning</source>
        <translation>1. 烧灼感</translation>
    </message>
    <message>
        <source>2. Painful cold</source>
        <translation>2. 冷痛</translation>
    </message>
    <message>
        <source>3. Electric shocks</source>
        <translation>3. 电击感</translation>
    </message>
    <message>
        <source>4. Tingling</source>
        <translation>4. 刺痛</translation>
    </message>
    <message>
        <source>5. Pins and needles</source>
        <translation>5. 针刺感</translation>
    </message>
    <message>
        <source>6. Numbness</source>
        <translation>6. 麻木</translation>
    </message>
    <message>
        <source>7. Itching</source>
        <translation>7. 瘙痒</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>DN4 - examination (items 8-10)</source>
        <translation>DN4 - 查体（第 8-10 项）</translation>
    </message>
    <message>
        <source>8. Hypoesthesia to touch</source>
        <translation>8. 触觉减退</translation>
    </message>
    <message>
        <source>9. Hypoesthesia to pinprick</source>
        <translation>9. 针刺觉减退</translation>
    </message>
    <message>
        <source>10. Pain caused or increased by brushing</source>
        <translation>10. 轻刷诱发或加重疼痛</translation>
    </message>
    <message>
        <source>Not examined</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>DN4 total</source>
        <translation>DN4 总分</translation>
    </message>
    <message>
        <source>DN4 interview</source>
        <translation>DN4 问诊部分</translation>
    </message>
    <message>
        <source>One point per yes. A screening aid for a neuropathic component, not a diagnosis.</source>
        <translation>每个“是”计 1 分。用于筛查神经病理性成分，并非诊断。</translation>
    </message>
    <message>
        <source>LANSS</source>
        <translation>LANSS</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Strange, unpleasant sensations (pricking, tingling)</source>
        <translation>奇怪的不适感（针扎感、刺痛感）</translation>
    </message>
    <message>
        <source>Skin looks different (mottled, red, pink)</source>
        <translation>皮肤外观异常（斑驳、发红、粉红）</translation>
    </message>
    <message>
        <source>Abnormally sensitive to touch</source>
        <translation>对触碰异常敏感</translation>
    </message>
    <message>
        <source>Sudden bursts of pain for no apparent reason</source>
        <translation>无明显原因的突发疼痛</translation>
    </message>
    <message>
        <source>Skin temperature feels abnormal (hot, burning)</source>
        <translation>皮肤温度感觉异常（发热、灼热）</translation>
    </message>
    <message>
        <source>Examination: pain on light stroking (allodynia)</source>
        <translation>查体：轻抚诱发疼痛（痛觉超敏）</translation>
    </message>
    <message>
        <source>Examination: altered pinprick threshold</source>
        <translation>查体：针刺阈值改变</translation>
    </message>
    <message>
        <source>LANSS total</source>
        <translation>LANSS 总分</translation>
    </message>
    <message>
        <source>The points of each item are shown in brackets; total 0-24.</source>
        <translation>每项分值显示在括号内；总分 0-24。</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <source>Enter your user name and passphrase.</source>
        <extracomment>the first unlock after an update: the stored data is being updated (emitted from the store thread; receivers on the GUI thread get it queued)</extracomment>
        <translation>请输入用户名和口令。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>两次输入的口令不一致。请输入相同的口令两次。</translation>
    </message>
    <message>
        <source>Signing in at the hub</source>
        <translation>正在登录中心</translation>
    </message>
    <message>
        <source>Signing out at the hub</source>
        <translation>正在退出中心登录</translation>
    </message>
    <message>
        <source>Signing in was cancelled.</source>
        <translation>登录已取消。</translation>
    </message>
    <message>
        <source>PainBridge could not sign in at the hub (internal error).</source>
        <translation>PainBridge 无法登录中心（内部错误）。</translation>
    </message>
    <message>
        <source>PainBridge could not open the data (internal error).</source>
        <translation>PainBridge 无法打开数据（内部错误）。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Hub connection</source>
        <translation>中心连接</translation>
    </message>
    <message>
        <source>Hub &amp;address</source>
        <translation>中心地址(&amp;A)</translation>
    </message>
    <message>
        <source>one-time code from IT</source>
        <translation>IT 提供的一次性注册码</translation>
    </message>
    <message>
        <source>En&amp;roll</source>
        <translation>注册(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Enrollment code</source>
        <translation>注册码(&amp;E)</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after &amp;idle</source>
        <translation>空闲后锁定(&amp;I)</translation>
    </message>
    <message>
        <source>Clinical schemes (where published sources disagree)</source>
        <translation>临床方案（已发表文献观点不一致之处）</translation>
    </message>
    <message>
        <source>NCCN: mild 1-3, moderate 4-6, severe 7-10</source>
        <translation>NCCN：轻度 1-3，中度 4-6，重度 7-10</translation>
    </message>
    <message>
        <source>Serlin 1995: mild 1-4, moderate 5-6, severe 7-10</source>
        <translation>Serlin 1995：轻度 1-4，中度 5-6，重度 7-10</translation>
    </message>
    <message>
        <source>&amp;NRS bands</source>
        <translation>NRS 分级(&amp;N)</translation>
    </message>
    <message>
        <source>NCCN (same as the NRS bands)</source>
        <translation>NCCN（与 NRS 分级相同）</translation>
    </message>
    <message>
        <source>Cleeland 1994: 1-3 / 4-7 / 8-10</source>
        <translation>Cleeland 1994：1-3 / 4-7 / 8-10</translation>
    </message>
    <message>
        <source>Serlin 1995: 1-4 / 5-6 / 7-10</source>
        <translation>Serlin 1995：1-4 / 5-6 / 7-10</translation>
    </message>
    <message>
        <source>&amp;PMI pain level</source>
        <translation>PMI 疼痛级别(&amp;P)</translation>
    </message>
    <message>
        <source>CDC 2022 (current)</source>
        <translation>CDC 2022（现行）</translation>
    </message>
    <message>
        <source>CDC 2016 (older factors)</source>
        <translation>CDC 2016（旧换算系数）</translation>
    </message>
    <message>
        <source>&amp;MEDD table</source>
        <translation>MEDD 换算表(&amp;M)</translation>
    </message>
    <message>
        <source>Preset by IT (%1).</source>
        <translation>由 IT 预设（%1）。</translation>
    </message>
    <message>
        <source>The enrollment code is used once and never stored: enrolling creates this computer&apos;s own key, which signs everything it sends to the hub.</source>
        <translation>注册码只使用一次，且不会保存：注册时会为本机生成专属密钥，用于签名本机发送到中心的所有内容。</translation>
    </message>
    <message>
        <source>Enrolled: %1</source>
        <translation>已注册：%1</translation>
    </message>
    <message>
        <source>Set by IT (read-only)</source>
        <translation>由 IT 设置（只读）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>中心地址</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Model channel</source>
        <translation>模型通道</translation>
    </message>
    <message>
        <source>IT recovery key</source>
        <translation>IT 恢复密钥</translation>
    </message>
    <message>
        <source>Model-signing key</source>
        <translation>模型签名密钥</translation>
    </message>
    <message>
        <source>Configured in</source>
        <translation>配置来源</translation>
    </message>
    <message>
        <source>no machine configuration</source>
        <translation>无本机配置</translation>
    </message>
    <message>
        <source>Key fingerprints: the first 16 hex digits of the key&apos;s SHA-256, for comparing with IT&apos;s records.</source>
        <translation>密钥指纹：密钥 SHA-256 的前 16 位十六进制数字，用于与 IT 记录核对。</translation>
    </message>
    <message>
        <source>⚠ The machine configuration could not be used, so nothing of it applies: %1</source>
        <translation>⚠ 本机配置无法使用，因此其中任何设置均未生效：%1</translation>
    </message>
    <message>
        <source>Enrolling with the hub…</source>
        <translation>正在向中心注册…</translation>
    </message>
    <message>
        <source>✓ Enrolled with %1&apos;s hub: this computer is device %2.</source>
        <translation>✓ 已注册到 %1 的中心：本机为设备 %2。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>● Hub: signed in as a hub expert</source>
        <translation>● 中心：已以中心专家身份登录</translation>
    </message>
    <message>
        <source>● Hub: not configured (working offline)</source>
        <translation>● 中心：未配置（离线工作）</translation>
    </message>
    <message>
        <source>○ Hub: offline - will retry</source>
        <translation>○ 中心：离线 - 将自动重试</translation>
    </message>
    <message>
        <source>● Hub: online</source>
        <translation>● 中心：在线</translation>
    </message>
    <message>
        <source>⟳ Hub: syncing…</source>
        <translation>⟳ 中心：正在同步…</translation>
    </message>
    <message>
        <source>⚠ Hub: sync problem</source>
        <translation>⚠ 中心：同步出现问题</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting to send</source>
        <translation>
            <numerusform>%n 项等待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the hub</source>
        <translation>
            <numerusform>%n 项被中心拒收</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Hub sync: %1</source>
        <translation>中心同步：%1</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>SyncViewModel</name>
    <message>
        <source>PainBridge was locked before the enrollment ended.</source>
        <extracomment>How often a stopping sync thread is looked at after a lock (it ends at its next step). At exit the GUI waits this long for the round to stop (then the store closes anyway).</extracomment>
        <translation>注册完成前 PainBridge 已被锁定。</translation>
    </message>
    <message>
        <source>This computer is not enrolled with a hub yet, so there is nothing to sync: cases stay here, queued. Enter the hub address and the enrollment code from IT in Settings (Ctrl+,).</source>
        <translation>本机尚未注册到中心，因此无需同步：病例保留在本机并排队等待。请在“设置”（Ctrl+,）中输入 IT 提供的中心地址和注册码。</translation>
    </message>
    <message>
        <source>Synced with the hub: %1 sent, %2 received.</source>
        <translation>已与中心同步：发送 %1，接收 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n case version(s)</source>
        <translation>
            <numerusform>%n 个病例版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Hub offline — %1 queued, last sync at %2. Nothing is lost: PainBridge keeps trying in the background.</source>
        <translation>中心离线 — %1 等待发送，上次同步：%2。不会丢失任何内容：PainBridge 会在后台持续重试。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock PainBridge first.</source>
        <translation>请先解锁 PainBridge。</translation>
    </message>
    <message>
        <source>Enter the hub address (https://…) and the one-time enrollment code from IT.</source>
        <translation>请输入中心地址（https://…）和 IT 提供的一次性注册码。</translation>
    </message>
    <message>
        <source>Enrolling with the hub</source>
        <translation>正在向中心注册</translation>
    </message>
    <message>
        <source>This computer is enrolled with %1&apos;s hub at %2 (device %3).</source>
        <translation>本机已注册到 %1 的中心 %2（设备 %3）。</translation>
    </message>
    <message>
        <source>The enrollment failed (internal error).</source>
        <translation>注册失败（内部错误）。</translation>
    </message>
</context>
<context>
    <name>TrajectoryChart</name>
    <message>
        <source>≥50% less</source>
        <translation>减轻 ≥50%</translation>
    </message>
    <message>
        <source>≥30% less</source>
        <translation>减轻 ≥30%</translation>
    </message>
    <message>
        <source>&lt;30% less</source>
        <translation>减轻 &lt;30%</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>加重</translation>
    </message>
    <message>
        <source>not evaluable</source>
        <translation>无法评价</translation>
    </message>
    <message>
        <source>Pain trajectory chart</source>
        <translation>疼痛变化轨迹图</translation>
    </message>
    <message>
        <source>; </source>
        <comment>list separator</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1: worst %2, average %3</source>
        <translation>%1：最重 %2，平均 %3</translation>
    </message>
    <message>
        <source>No pain scores yet.</source>
        <translation>尚无疼痛评分。</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>第 %1 天</translation>
    </message>
    <message>
        <source>Worst pain (NRS)</source>
        <translation>最剧烈疼痛（NRS）</translation>
    </message>
    <message>
        <source>Average pain (NRS)</source>
        <translation>平均疼痛（NRS）</translation>
    </message>
</context>
<context>
    <name>TreatmentsField</name>
    <message>
        <source>agents, comma-separated (e.g. oxaliplatin)</source>
        <translation>药物，用逗号分隔（如奥沙利铂）</translation>
    </message>
    <message>
        <source>site (e.g. spine)</source>
        <translation>部位（如脊柱）</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>再次输入口令(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>口令(&amp;P)</translation>
    </message>
    <message>
        <source>Hub &amp;address</source>
        <translation>中心地址(&amp;A)</translation>
    </message>
    <message>
        <source>Hub &amp;user name</source>
        <translation>中心用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>Sign in at the &amp;hub</source>
        <translation>登录中心(&amp;H)</translation>
    </message>
    <message>
        <source>Back to the clinic sign-in</source>
        <translation>返回诊所登录</translation>
    </message>
    <message>
        <source>Hub expert sign-in</source>
        <translation>中心专家登录</translation>
    </message>
    <message>
        <source>Sign in with your hub account to review the cases clinics sent. Nothing is stored on this computer; no clinic data is needed.</source>
        <translation>使用您的中心账户登录，审阅各诊所发送的病例。本机不保存任何内容，也无需诊所数据。</translation>
    </message>
    <message>
        <source>Hub expert sign-in…</source>
        <translation>中心专家登录…</translation>
    </message>
    <message>
        <source>Signed out after %1 minutes without activity.</source>
        <translation>因 %1 分钟无操作已退出登录。</translation>
    </message>
    <message>
        <source>Signed out of the hub.</source>
        <translation>已退出中心登录。</translation>
    </message>
    <message>
        <source>Set up PainBridge</source>
        <translation>设置 PainBridge</translation>
    </message>
    <message>
        <source>No data exists on this computer yet. Choose a user name and a passphrase (at least 10 characters). The passphrase encrypts all patient data; it cannot be recovered without the IT recovery key.</source>
        <translation>本机尚无数据。请设定用户名和口令（至少 10 个字符）。口令用于加密所有患者数据；没有 IT 恢复密钥将无法找回。</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>创建并登录(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to PainBridge</source>
        <translation>登录 PainBridge</translation>
    </message>
    <message>
        <source>Patient data on this computer is encrypted. Enter your passphrase.</source>
        <translation>本机的患者数据已加密。请输入您的口令。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlocking… PainBridge was updated: the stored data is being prepared for this version (once; with many cases this can take a minute). Please wait.</source>
        <translation>正在解锁…… PainBridge 已更新：正在为此版本整理已存储的数据（仅此一次；病例较多时可能需要一分钟）。请稍候。</translation>
    </message>
    <message>
        <source>Signing in at the hub…</source>
        <translation>正在登录中心…</translation>
    </message>
    <message>
        <source>Locked after %1 minutes without activity. Anything you had typed was kept as a draft.</source>
        <translation>因 %1 分钟无操作已锁定。您输入的内容都已作为草稿保留。</translation>
    </message>
    <message>
        <source>Locked. Unsaved changes were kept as a draft.</source>
        <translation>已锁定。未保存的更改已作为草稿保留。</translation>
    </message>
    <message>
        <source>Demo data only: every case here is synthetic. The passphrase is filled in.</source>
        <translation>仅为演示数据：这里的每个病例都是合成的。口令已自动填写。</translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis. Models are trained on synthetic data.</source>
        <translation>仅为决策支持，并非诊断。模型基于合成数据训练。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <extracomment>Where the cursor goes after a refusal: the first field with a message, in this order.</extracomment>
        <translation>用户</translation>
    </message>
    <message>
        <source>Who can sign in on this computer and what they may do. A clinician works with cases; an IT admin manages users, the hub connection and models. Every change is recorded in the audit log.</source>
        <translation>可以在本机登录的用户及其权限。临床医生处理病例；IT 管理员管理用户、中心连接和模型。每次更改都会记录在审计日志中。</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Forgotten passphrase: it cannot be reset here without the old one. IT gives the user a new passphrase with `painbridge recovery reset-passphrase` and the IT recovery key (see the IT guide); the user then changes it.</source>
        <translation>忘记口令：此处无法在不知道原口令的情况下重置。IT 人员可使用 `painbridge recovery reset-passphrase` 和 IT 恢复密钥为用户设置新口令（见 IT 指南），之后由用户自行修改。</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <source>&amp;Clinician</source>
        <translation>临床医生(&amp;C)</translation>
    </message>
    <message>
        <source>IT ad&amp;min</source>
        <translation>IT 管理员(&amp;M)</translation>
    </message>
    <message>
        <source>Save &amp;roles</source>
        <translation>保存角色(&amp;R)</translation>
    </message>
    <message>
        <source>Remo&amp;ve user…</source>
        <translation>删除用户(&amp;V)…</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>临床医生(&amp;L)</translation>
    </message>
    <message>
        <source>IT &amp;admin</source>
        <translation>IT 管理员(&amp;A)</translation>
    </message>
    <message>
        <source>your own passphrase, to confirm</source>
        <translation>您自己的口令，用于确认</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>用户名(&amp;N)</translation>
    </message>
    <message>
        <source>First &amp;passphrase</source>
        <translation>初始口令(&amp;P)</translation>
    </message>
    <message>
        <source>Rep&amp;eat passphrase</source>
        <translation>再次输入口令(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Your passphrase</source>
        <translation>您的口令(&amp;Y)</translation>
    </message>
    <message>
        <source>At least 10 characters (a few unrelated words work well). Your own passphrase gives the new user their key to the encrypted data; the new user changes the first passphrase after signing in.</source>
        <translation>至少 10 个字符（几个互不相关的词效果很好）。您自己的口令用于为新用户生成访问加密数据的密钥；新用户登录后应修改初始口令。</translation>
    </message>
    <message>
        <source>A&amp;dd user</source>
        <translation>添加用户(&amp;D)</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>未选择用户</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Added %1. They sign in with the first passphrase you gave them and then change it.</source>
        <translation>已添加 %1。该用户使用您设定的初始口令登录，然后自行修改。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>临床医生</translation>
    </message>
    <message>
        <source>IT admin</source>
        <translation>IT 管理员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
</context>
<context>
    <name>UsersViewModel</name>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>两次输入的口令不一致。请输入相同的口令两次。</translation>
    </message>
    <message>
        <source>Type your own passphrase: it gives the new user their key to the data.</source>
        <translation>请输入您自己的口令：它用于为新用户生成访问数据的密钥。</translation>
    </message>
    <message>
        <source>%1 now has: %2.</source>
        <translation>%1 现在的角色：%2。</translation>
    </message>
    <message>
        <source>Your own roles change at your next sign-in.</source>
        <translation>您自己的角色将在下次登录时生效。</translation>
    </message>
    <message>
        <source>Type your own passphrase to confirm.</source>
        <translation>请输入您自己的口令以确认。</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; already exists on this computer.</source>
        <translation>本机已存在用户“%1”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the last IT admin of this computer, so that role cannot be taken away and the user cannot be removed. Give another user the IT admin role first.</source>
        <translation>“%1”是本机最后一位 IT 管理员，因此不能取消该角色，也不能删除该用户。请先为其他用户授予 IT 管理员角色。</translation>
    </message>
    <message>
        <source>You are signed in as &apos;%1&apos; and cannot remove yourself. Nothing was done; another IT admin can remove this user.</source>
        <translation>您当前以“%1”身份登录，不能删除自己。未做任何更改；其他 IT 管理员可以删除该用户。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <source>Type a name of 1 to %1 printable characters.</source>
        <translation>请输入 1 到 %1 个可打印字符的用户名。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>breast</source>
        <translation>乳腺</translation>
    </message>
    <message>
        <source>lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>prostate</source>
        <translation>前列腺</translation>
    </message>
    <message>
        <source>colorectal</source>
        <translation>结直肠</translation>
    </message>
    <message>
        <source>head and neck</source>
        <translation>头颈部</translation>
    </message>
    <message>
        <source>pancreas</source>
        <translation>胰腺</translation>
    </message>
    <message>
        <source>stomach</source>
        <translation>胃</translation>
    </message>
    <message>
        <source>oesophagus</source>
        <translation>食管</translation>
    </message>
    <message>
        <source>liver</source>
        <translation>肝</translation>
    </message>
    <message>
        <source>kidney</source>
        <translation>肾</translation>
    </message>
    <message>
        <source>bladder</source>
        <translation>膀胱</translation>
    </message>
    <message>
        <source>ovary</source>
        <translation>卵巢</translation>
    </message>
    <message>
        <source>cervix</source>
        <translation>宫颈</translation>
    </message>
    <message>
        <source>uterus</source>
        <translation>子宫</translation>
    </message>
    <message>
        <source>brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <source>melanoma</source>
        <translation>黑色素瘤</translation>
    </message>
    <message>
        <source>sarcoma</source>
        <translation>肉瘤</translation>
    </message>
    <message>
        <source>myeloma</source>
        <translation>骨髓瘤</translation>
    </message>
    <message>
        <source>lymphoma</source>
        <translation>淋巴瘤</translation>
    </message>
    <message>
        <source>leukaemia</source>
        <translation>白血病</translation>
    </message>
    <message>
        <source>unknown primary</source>
        <translation>原发灶不明</translation>
    </message>
    <message>
        <source>bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>lymph nodes</source>
        <translation>淋巴结</translation>
    </message>
    <message>
        <source>chemotherapy</source>
        <translation>化疗</translation>
    </message>
    <message>
        <source>radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <source>surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>immunotherapy</source>
        <translation>免疫治疗</translation>
    </message>
    <message>
        <source>hormone therapy</source>
        <translation>内分泌治疗</translation>
    </message>
    <message>
        <source>targeted therapy</source>
        <translation>靶向治疗</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>口服</translation>
    </message>
    <message>
        <source>sublingual</source>
        <translation>舌下</translation>
    </message>
    <message>
        <source>buccal</source>
        <translation>颊黏膜</translation>
    </message>
    <message>
        <source>transmucosal</source>
        <translation>经黏膜</translation>
    </message>
    <message>
        <source>intranasal</source>
        <translation>鼻内</translation>
    </message>
    <message>
        <source>transdermal (patch)</source>
        <translation>经皮（贴剂）</translation>
    </message>
    <message>
        <source>topical</source>
        <translation>外用</translation>
    </message>
    <message>
        <source>rectal</source>
        <translation>直肠</translation>
    </message>
    <message>
        <source>subcutaneous</source>
        <translation>皮下</translation>
    </message>
    <message>
        <source>intravenous</source>
        <translation>静脉</translation>
    </message>
    <message>
        <source>intramuscular</source>
        <translation>肌内</translation>
    </message>
    <message>
        <source>intrathecal</source>
        <translation>鞘内</translation>
    </message>
    <message>
        <source>epidural</source>
        <translation>硬膜外</translation>
    </message>
    <message>
        <source>full</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>poor metabolizer</source>
        <translation>慢代谢型</translation>
    </message>
    <message>
        <source>intermediate metabolizer</source>
        <translation>中间代谢型</translation>
    </message>
    <message>
        <source>normal metabolizer</source>
        <translation>正常代谢型</translation>
    </message>
    <message>
        <source>ultrarapid metabolizer</source>
        <translation>超快代谢型</translation>
    </message>
    <message>
        <source>indeterminate</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>NSAID</source>
        <translation>非甾体抗炎药</translation>
    </message>
    <message>
        <source>paracetamol</source>
        <translation>对乙酰氨基酚</translation>
    </message>
    <message>
        <source>weak opioid</source>
        <translation>弱阿片类药物</translation>
    </message>
    <message>
        <source>strong opioid</source>
        <translation>强阿片类药物</translation>
    </message>
    <message>
        <source>opioid rotation</source>
        <translation>阿片类药物轮换</translation>
    </message>
    <message>
        <source>methadone</source>
        <translation>美沙酮</translation>
    </message>
    <message>
        <source>gabapentinoid</source>
        <translation>加巴喷丁类</translation>
    </message>
    <message>
        <source>SNRI (duloxetine)</source>
        <translation>SNRI（度洛西汀）</translation>
    </message>
    <message>
        <source>tricyclic antidepressant</source>
        <translation>三环类抗抑郁药</translation>
    </message>
    <message>
        <source>corticosteroid</source>
        <translation>糖皮质激素</translation>
    </message>
    <message>
        <source>topical lidocaine</source>
        <translation>外用利多卡因</translation>
    </message>
    <message>
        <source>radiotherapy for bone metastasis</source>
        <translation>骨转移放疗</translation>
    </message>
    <message>
        <source>nerve block</source>
        <translation>神经阻滞</translation>
    </message>
    <message>
        <source>non-pharmacological care</source>
        <translation>非药物治疗</translation>
    </message>
</context>
<context>
    <name>YesNoField</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
</TS>
