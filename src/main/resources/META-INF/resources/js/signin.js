// Demo sign-in: POST /api/auth/demo-token for the chosen user, then on to the page of that user's role.
import {api, saveSession} from './api.js';
import {h} from './dom.js';
import {languageSwitch, t} from './i18n.js';

// The demo bank's users (banking/DemoBank): a name helps to pick one.
const CUSTOMERS = [
  ['c001', '王芳'], ['c002', 'James Carter'], ['c003', 'Emma Wilson'], ['c004', '李娜'], ['c005', '赵磊'], ['c006', '陈静'],
  ['c007', 'Michael Brown'], ['c008', '刘洋'], ['c009', 'Sarah Lee'], ['c010', '孙强'], ['c011', '周杰'], ['c012', 'Olivia Martin'],
  ['c013', '黄磊'], ['c014', 'Daniel Kim'], ['c015', '吴敏'], ['c016', 'Sophie Turner'], ['c017', '徐丽'], ['c018', 'Thomas Green'],
  ['c019', '马超'], ['c020', 'Grace Hall'], ['c021', '朱婷'], ['c022', 'William Scott'], ['c023', '胡军'], ['c024', 'Chloe Adams'],
];
const STAFF = [
  ['r001', '周敏', 'reviewer'], ['r002', 'Emma Wilson', 'reviewer'], ['r003', 'Zhang Hua', 'reviewer'],
  ['e001', '刘伟', 'engineer'], ['e002', 'Priya Shah', 'engineer'],
];

const select = document.getElementById('user');
const error = document.getElementById('signin-error');

function options() {
  const chosen = select.value || 'c001';
  select.replaceChildren(
    h('optgroup', {label: t('signin.customers')},
      CUSTOMERS.map(([id, name]) => h('option', {value: id}, `${id} · ${name} (${t('signin.customer')})`))),
    h('optgroup', {label: t('signin.staff')},
      STAFF.map(([id, name, role]) => h('option', {value: id}, `${id} · ${name} (${t('signin.' + role)})`))));
  select.value = chosen;
}

/** Where a user goes: customers chat, reviewers review, engineers read evaluation runs. */
export function home(roles) {
  if (roles.includes('customer')) return '/chat.html';
  if (roles.includes('reviewer')) return '/console.html#queue';
  return '/console.html#evals';
}

document.getElementById('signin').addEventListener('submit', async event => {
  event.preventDefault();
  error.hidden = true;
  try {
    const minted = await api('/api/auth/demo-token', {method: 'POST', body: {user: select.value}});
    saveSession(minted);
    location.assign(home(minted.roles));
  } catch (e) {
    error.textContent = t('signin.failed', {message: e.message});
    error.hidden = false;
  }
});

languageSwitch(document.getElementById('lang-switch'));
options();
document.addEventListener('langchange', options);
