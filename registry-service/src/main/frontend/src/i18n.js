// The one dictionary of the UI. zh-CN is the default for every string; English is second.
// The choice is kept in localStorage ("anjia.lang"); switching reloads the page.

const STORAGE_KEY = 'anjia.lang';
export const LANGS = ['zh-CN', 'en'];

const zh = {
  'app.name': '安家',
  'app.subtitle': '儿童福利机构 寄养与收养登记',
  'nav.worklist': '工作台',
  'nav.apply': '新建寄养申请',
  'nav.main': '主导航',
  'user.label': '当前用户',
  'user.placeholder': '填写您的姓名',
  'user.hint': '暂无登录，姓名仅保存在本标签页中，认领任务时作为办理人。',
  'lang.label': '语言',
  'skip': '跳到主要内容',
  'footer': '安家 · 依据《家庭寄养管理办法》（民政部令第54号）等规定办理',

  'common.loading': '正在加载…',
  'common.refresh': '刷新',
  'common.yes': '是',
  'common.no': '否',
  'common.all': '全部',
  'common.none': '—',
  'common.error': '出错了',
  'common.networkError': '无法连接服务器，请检查网络后重试。',
  'common.updatedAt': '更新于 {time}',
  'common.back': '返回工作台',
  'common.optional': '选填',
  'common.fieldMessage': '{label}：{message}',

  'group.caseworker': '社工',
  'group.assessor': '评估人员',
  'group.director': '机构负责人',

  'process.foster-family-qualification': '寄养家庭资格评估',

  'appType.FOSTER_FAMILY_QUALIFICATION': '寄养家庭资格评估',

  'worklist.title': '工作台',
  'worklist.lead': '待办任务按截止时间排列，可按候选组、流程筛选。',
  'worklist.filters': '筛选',
  'worklist.group': '候选组',
  'worklist.process': '流程',
  'worklist.overdueOnly': '仅显示逾期',
  'worklist.col.task': '任务',
  'worklist.col.application': '申请编号',
  'worklist.col.family': '家庭',
  'worklist.col.groups': '候选组',
  'worklist.col.assignee': '办理人',
  'worklist.col.due': '截止时间',
  'worklist.col.flags': '状态',
  'worklist.sortAsc': '按截止时间升序排列',
  'worklist.sortDesc': '按截止时间降序排列',
  'worklist.empty': '暂无符合条件的待办任务。',
  'worklist.unassigned': '未认领',
  'worklist.noDue': '无',
  'worklist.summary': '共 {total} 条，第 {page} / {pages} 页',
  'worklist.prev': '上一页',
  'worklist.next': '下一页',
  'worklist.pagination': '分页',
  'worklist.completed': '任务已提交。流程引擎处理需要片刻，列表会自动刷新。',
  'badge.overdue': '已逾期',
  'badge.reminded': '已提醒',
  'badge.escalated': '已督办',

  'incidents.title': '流程异常',
  'incidents.lead': '以下流程实例出现异常，需要技术人员处理：',
  'incidents.at': '发生于 {time}',

  'task.title': '任务',
  'task.missingKey': '缺少任务编号。',
  'task.notFound': '找不到该任务，可能已被办理。',
  'task.application': '申请',
  'task.family': '家庭',
  'task.due': '截止时间',
  'task.created': '创建时间',
  'task.groups': '候选组',
  'task.assignee': '办理人',
  'task.claim': '认领',
  'task.unclaim': '取消认领',
  'task.complete': '提交',
  'task.completing': '正在提交…',
  'task.claimed': '已认领，可以办理。',
  'task.unclaimed': '已取消认领。',
  'task.needUser': '请先在页面顶部填写“当前用户”姓名，再认领任务。',
  'task.claimFirst': '请先认领任务，再填写和提交表单。',
  'task.assignedToOther': '此任务已由 {name} 认领。',
  'task.noForm': '此任务没有表单，确认后直接提交即可。',
  'task.formInvalid': '表单中有 {count} 处需要修改，请检查标红的字段。',
  'task.serverInvalid': '提交未被接受：',
  'task.formTitle': '办理表单',

  'apply.title': '寄养家庭申请',
  'apply.lead': '依据《家庭寄养管理办法》第八条、第九条，请如实填写家庭情况。带 * 的为必填项。',
  'apply.section.household': '家庭基本情况',
  'apply.section.background': '健康与背景',
  'apply.section.members': '家庭成员',
  'apply.section.motivation': '申请动机',
  'apply.address': '家庭住址',
  'apply.hukouLocality': '户籍所在地',
  'apply.hukouLocality.hint': '例如：江西省南昌市东湖区',
  'apply.localHukou': '是否为本地户籍',
  'apply.fixedHome': '是否有固定住所',
  'apply.livingSpace': '住房使用面积（平方米）',
  'apply.income': '家庭月收入（元）',
  'apply.phone': '联系电话',
  'apply.phone.hint': '手机或带区号的固定电话',
  'apply.illness': '家庭成员是否患有传染病或精神疾病',
  'apply.criminal': '家庭成员是否有犯罪记录',
  'apply.motivation': '为什么希望成为寄养家庭',
  'apply.motivation.hint': '请简要说明家庭情况、照料经验和申请原因。',
  'apply.member': '成员 {n}',
  'apply.member.name': '姓名',
  'apply.member.residentId': '身份证号',
  'apply.member.residentId.hint': '18 位居民身份证号码',
  'apply.member.role': '家庭角色',
  'apply.member.education': '文化程度',
  'apply.member.healthNote': '健康状况',
  'apply.member.healthNote.hint': '如有慢性病等请说明，健康可填写“健康”。',
  'apply.member.add': '添加成员',
  'apply.member.remove': '删除成员 {n}',
  'apply.member.born': '出生日期 {date}，{age} 岁',
  'apply.choose': '请选择',
  'apply.submit': '提交申请',
  'apply.submitting': '正在提交…',
  'apply.errorSummary': '请修改以下问题后再提交：',
  'apply.err.required': '此项为必填项。',
  'apply.err.number': '请输入大于 0 的数字。',
  'apply.err.residentId': '身份证号格式或校验位不正确。',
  'apply.err.phone': '请输入有效的电话号码。',
  'apply.err.caregiver': '请指定一名主要照料人。',
  'apply.err.oneCaregiver': '只能指定一名主要照料人。',

  'role.PRIMARY_CAREGIVER': '主要照料人',
  'role.SPOUSE': '配偶',
  'role.CHILD': '子女',
  'role.OTHER_ADULT': '其他成年成员',

  'edu.NONE': '未上学',
  'edu.PRIMARY': '小学',
  'edu.JUNIOR_MIDDLE': '初中',
  'edu.SENIOR_HIGH': '高中',
  'edu.VOCATIONAL': '中专 / 职高',
  'edu.JUNIOR_COLLEGE': '大专',
  'edu.BACHELOR': '本科',
  'edu.POSTGRADUATE': '研究生',

  'app.title': '申请进度',
  'app.missingId': '缺少申请编号。',
  'app.number': '申请编号',
  'app.status': '当前状态',
  'app.submittedAt': '提交时间',
  'app.decidedAt': '决定时间',
  'app.family': '申请家庭',
  'app.address': '住址',
  'app.members': '家庭成员',
  'app.member.age': '{age} 岁',
  'app.history': '办理进度',
  'app.history.empty': '暂无记录。',
  'app.rejection': '未通过的原因',
  'app.rejection.lead': '以下条件未满足：',
  'app.documents': '申请材料',
  'app.documents.empty': '尚未上传材料。',
  'app.doc.type': '材料类型',
  'app.doc.file': '文件',
  'app.doc.size': '大小',
  'app.doc.uploadedAt': '上传时间',
  'app.doc.sha256': 'SHA-256 校验值',
  'app.upload': '上传材料',
  'app.upload.button': '上传',
  'app.upload.uploading': '正在上传…',
  'app.upload.done': '已上传：{name}',
  'app.upload.chooseFile': '请选择要上传的文件。',
  'app.upload.chooseType': '请选择材料类型。',
  'app.created': '申请已提交。您可以在本页查看办理进度并上传申请材料。',

  'doc.ID_CARD': '身份证',
  'doc.HUKOU_BOOK': '户口簿',
  'doc.INCOME_PROOF': '收入证明',
  'doc.HOUSING_PROOF': '住房证明',
  'doc.HEALTH_CERTIFICATE': '健康证明',
  'doc.MEMBERS_CONSENT': '家庭成员同意书',
  'doc.OTHER': '其他',
  // form-js validation messages (form-js itself only speaks English)
  'fjs.required': '此项为必填项。',
  'fjs.min': '不能小于 {value}。',
  'fjs.max': '不能大于 {value}。',
  'fjs.minLength': '至少需要 {value} 个字符。',
  'fjs.maxLength': '最多 {value} 个字符。',
  'fjs.pattern': '格式不正确。',
  'fjs.email': '请输入有效的电子邮箱地址。',
  'fjs.phone': '请输入有效的国际格式电话号码（例如 +8613800138000）。',
  'fjs.notNumber': '请输入数字。',
  'fjs.integer': '请输入整数。',
  'fjs.decimals': '最多保留 {value} 位小数。',
};

const en = {
  'app.name': 'Anjia',
  'app.subtitle': 'Foster care and adoption registry for child-welfare institutions',
  'nav.worklist': 'Worklist',
  'nav.apply': 'New foster application',
  'nav.main': 'Main navigation',
  'user.label': 'Current user',
  'user.placeholder': 'Your name',
  'user.hint': 'No login yet: the name stays in this browser tab and is used as assignee when claiming.',
  'lang.label': 'Language',
  'skip': 'Skip to main content',
  'footer': 'Anjia · handled under the Family Foster Care Measures (MCA Order No. 54) and related rules',

  'common.loading': 'Loading…',
  'common.refresh': 'Refresh',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.all': 'All',
  'common.none': '—',
  'common.error': 'Something went wrong',
  'common.networkError': 'Cannot reach the server. Check the connection and try again.',
  'common.updatedAt': 'Updated {time}',
  'common.back': 'Back to worklist',
  'common.optional': 'optional',
  'common.fieldMessage': '{label}: {message}',

  'group.caseworker': 'Caseworker',
  'group.assessor': 'Assessor',
  'group.director': 'Director',

  'process.foster-family-qualification': 'Foster family qualification',

  'appType.FOSTER_FAMILY_QUALIFICATION': 'Foster family qualification',

  'worklist.title': 'Worklist',
  'worklist.lead': 'Open tasks by due date; filter by candidate group or process.',
  'worklist.filters': 'Filters',
  'worklist.group': 'Candidate group',
  'worklist.process': 'Process',
  'worklist.overdueOnly': 'Overdue only',
  'worklist.col.task': 'Task',
  'worklist.col.application': 'Application',
  'worklist.col.family': 'Family',
  'worklist.col.groups': 'Candidate groups',
  'worklist.col.assignee': 'Assignee',
  'worklist.col.due': 'Due',
  'worklist.col.flags': 'Status',
  'worklist.sortAsc': 'Sort by due date, earliest first',
  'worklist.sortDesc': 'Sort by due date, latest first',
  'worklist.empty': 'No open tasks match these filters.',
  'worklist.unassigned': 'Unclaimed',
  'worklist.noDue': 'None',
  'worklist.summary': '{total} tasks, page {page} of {pages}',
  'worklist.prev': 'Previous',
  'worklist.next': 'Next',
  'worklist.pagination': 'Pagination',
  'worklist.completed': 'Task submitted. The process engine needs a moment; the list refreshes by itself.',
  'badge.overdue': 'Overdue',
  'badge.reminded': 'Reminded',
  'badge.escalated': 'Escalated',

  'incidents.title': 'Process incidents',
  'incidents.lead': 'These process instances are stuck and need technical attention:',
  'incidents.at': 'since {time}',

  'task.title': 'Task',
  'task.missingKey': 'No task key given.',
  'task.notFound': 'Task not found; it may already be done.',
  'task.application': 'Application',
  'task.family': 'Family',
  'task.due': 'Due',
  'task.created': 'Created',
  'task.groups': 'Candidate groups',
  'task.assignee': 'Assignee',
  'task.claim': 'Claim',
  'task.unclaim': 'Unclaim',
  'task.complete': 'Complete',
  'task.completing': 'Submitting…',
  'task.claimed': 'Claimed: you can work on it now.',
  'task.unclaimed': 'Released.',
  'task.needUser': 'Enter your name under “Current user” at the top first, then claim.',
  'task.claimFirst': 'Claim the task before filling in and submitting the form.',
  'task.assignedToOther': 'This task is claimed by {name}.',
  'task.noForm': 'This task has no form; complete it when done.',
  'task.formInvalid': '{count} field(s) need attention; see the fields marked in red.',
  'task.serverInvalid': 'Not accepted:',
  'task.formTitle': 'Form',

  'apply.title': 'Foster family application',
  'apply.lead': 'Under arts. 8–9 of the Family Foster Care Measures. Fields marked * are required.',
  'apply.section.household': 'Household',
  'apply.section.background': 'Health and background',
  'apply.section.members': 'Household members',
  'apply.section.motivation': 'Motivation',
  'apply.address': 'Home address',
  'apply.hukouLocality': 'Household registration (hukou) locality',
  'apply.hukouLocality.hint': 'e.g. Donghu District, Nanchang, Jiangxi',
  'apply.localHukou': 'Local household registration',
  'apply.fixedHome': 'Fixed home',
  'apply.livingSpace': 'Living space (m²)',
  'apply.income': 'Monthly household income (yuan)',
  'apply.phone': 'Phone',
  'apply.phone.hint': 'Mobile, or landline with area code',
  'apply.illness': 'Any member with an infectious or mental illness',
  'apply.criminal': 'Any member with a criminal record',
  'apply.motivation': 'Why do you want to foster?',
  'apply.motivation.hint': 'Briefly describe your family, care experience and reasons.',
  'apply.member': 'Member {n}',
  'apply.member.name': 'Name',
  'apply.member.residentId': 'Resident ID number',
  'apply.member.residentId.hint': '18-character resident identity card number',
  'apply.member.role': 'Role',
  'apply.member.education': 'Education',
  'apply.member.healthNote': 'Health',
  'apply.member.healthNote.hint': 'Mention chronic conditions, or write “healthy”.',
  'apply.member.add': 'Add member',
  'apply.member.remove': 'Remove member {n}',
  'apply.member.born': 'Born {date}, age {age}',
  'apply.choose': 'Choose…',
  'apply.submit': 'Submit application',
  'apply.submitting': 'Submitting…',
  'apply.errorSummary': 'Please fix the following:',
  'apply.err.required': 'This field is required.',
  'apply.err.number': 'Enter a number greater than 0.',
  'apply.err.residentId': 'Resident ID number is malformed or its check digit is wrong.',
  'apply.err.phone': 'Enter a valid phone number.',
  'apply.err.caregiver': 'Name one primary caregiver.',
  'apply.err.oneCaregiver': 'Only one member can be the primary caregiver.',

  'role.PRIMARY_CAREGIVER': 'Primary caregiver',
  'role.SPOUSE': 'Spouse',
  'role.CHILD': 'Child',
  'role.OTHER_ADULT': 'Other adult',

  'edu.NONE': 'No schooling',
  'edu.PRIMARY': 'Primary school',
  'edu.JUNIOR_MIDDLE': 'Junior middle school',
  'edu.SENIOR_HIGH': 'Senior high school',
  'edu.VOCATIONAL': 'Vocational school',
  'edu.JUNIOR_COLLEGE': 'Junior college',
  'edu.BACHELOR': "Bachelor's degree",
  'edu.POSTGRADUATE': 'Postgraduate',

  'app.title': 'Application status',
  'app.missingId': 'No application id given.',
  'app.number': 'Application number',
  'app.status': 'Status',
  'app.submittedAt': 'Submitted',
  'app.decidedAt': 'Decided',
  'app.family': 'Family',
  'app.address': 'Address',
  'app.members': 'Members',
  'app.member.age': 'age {age}',
  'app.history': 'Progress',
  'app.history.empty': 'Nothing recorded yet.',
  'app.rejection': 'Reasons for rejection',
  'app.rejection.lead': 'These conditions are not met:',
  'app.documents': 'Documents',
  'app.documents.empty': 'No documents uploaded yet.',
  'app.doc.type': 'Type',
  'app.doc.file': 'File',
  'app.doc.size': 'Size',
  'app.doc.uploadedAt': 'Uploaded',
  'app.doc.sha256': 'SHA-256',
  'app.upload': 'Upload a document',
  'app.upload.button': 'Upload',
  'app.upload.uploading': 'Uploading…',
  'app.upload.done': 'Uploaded: {name}',
  'app.upload.chooseFile': 'Choose a file to upload.',
  'app.upload.chooseType': 'Choose the document type.',
  'app.created': 'Application submitted. Follow its progress and upload documents on this page.',

  'doc.ID_CARD': 'Resident ID card',
  'doc.HUKOU_BOOK': 'Household register (hukou)',
  'doc.INCOME_PROOF': 'Proof of income',
  'doc.HOUSING_PROOF': 'Proof of housing',
  'doc.HEALTH_CERTIFICATE': 'Health certificate',
  'doc.MEMBERS_CONSENT': "Household members' consent",
  'doc.OTHER': 'Other',
  'fjs.required': 'Field is required.',
  'fjs.min': 'Field must have minimum value of {value}.',
  'fjs.max': 'Field must have maximum value of {value}.',
  'fjs.minLength': 'Field must have minimum length of {value}.',
  'fjs.maxLength': 'Field must have maximum length of {value}.',
  'fjs.pattern': 'Field does not match the expected format.',
  'fjs.email': 'Field must be a valid email.',
  'fjs.phone': 'Field must be a valid international phone number (e.g. +8613800138000).',
  'fjs.notNumber': 'Value is not a number.',
  'fjs.integer': 'Value is expected to be an integer.',
  'fjs.decimals': 'Value is expected to have at most {value} decimal digit(s).',
};

const dictionaries = { 'zh-CN': zh, en };

function storedLang() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const lang = storedLang();

export function setLang(value) {
  if (!LANGS.includes(value) || value === lang) return;
  localStorage.setItem(STORAGE_KEY, value);
  location.reload();
}

/** Translates a key, filling {placeholders}; falls back to zh-CN, then to the key itself. */
export function t(key, params = {}) {
  const template = dictionaries[lang][key] ?? zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Label for an enum-like code under a prefix ("role", "edu", "doc", "group", ...), or the code itself. */
export function label(prefix, code) {
  if (code == null) return '';
  const key = `${prefix}.${code}`;
  return key in zh ? t(key) : String(code);
}

/** Fills every element carrying data-i18n (text) or data-i18n-<attr> (attribute) in the given root. */
export function translateDom(root = document) {
  document.documentElement.lang = lang;
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (m, dash, c) => c.toUpperCase())}`;
    for (const element of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      element.setAttribute(attr, t(element.dataset[data]));
    }
  }
}

const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' });

export function formatDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
}

export function formatDate(value) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
}

export function formatTime(value) {
  return timeFormat.format(value);
}

export function formatBytes(size) {
  if (size == null) return '';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
