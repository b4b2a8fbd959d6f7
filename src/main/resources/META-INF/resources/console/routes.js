// The console's pages. Adding one: a module under pages/ that defines its custom element (a ConsolePage of
// shared/console-page.js), plus one entry here.
//
// A page element gets these properties from the shell:
//   segments  the route's path segments after its name; for org pages segments[0] is the union's code
//   query     the route's query parameters (campaign is always set once campaigns are known)
//   context   {me, campaigns}: the caller's profile (GET /api/v1/me) and the campaigns they report on
// Entries with org: true get the caller's own union as segments[0] when the link names none; nav: true puts the page
// in the navigation; campaign: true shows the campaign selector above it. roles (optional) lists the roles whose
// navigation shows the page; a typed address still opens it, and the API's answer (403) is what the page shows.

export const routes = [
  {name: 'dashboard', title: '概览', tag: 'page-dashboard', load: () => import('./pages/dashboard.js'),
    org: true, nav: true, campaign: true},
  {name: 'laggards', title: '未完成名单', tag: 'page-laggards', load: () => import('./pages/laggards.js'),
    org: true, nav: true, campaign: true},
  {name: 'workers', title: '职工查询', tag: 'page-workers', load: () => import('./pages/workers.js'),
    org: true, nav: true, campaign: false},
  {name: 'worker', title: '职工学习记录', tag: 'page-worker', load: () => import('./pages/worker.js'),
    org: false, nav: false, campaign: true},
  {name: 'content', title: '内容', tag: 'page-content', load: () => import('./pages/content.js'),
    org: false, nav: true, campaign: false, roles: ['province-admin']},
  {name: 'module', title: '编辑模块', tag: 'page-module', load: () => import('./pages/module.js'),
    org: false, nav: false, campaign: false, roles: ['province-admin']},
  {name: 'audit', title: '审计日志', tag: 'page-audit', load: () => import('./pages/audit.js'),
    org: false, nav: true, campaign: false, roles: ['province-admin']},
  {name: 'item-analysis', title: '题目分析', tag: 'page-item-analysis', load: () => import('./pages/item-analysis.js'),
    org: true, nav: true, campaign: true},
  {name: 'directory', title: '名册导入', tag: 'page-directory', load: () => import('./pages/directory.js'),
    org: false, nav: true, campaign: false, roles: ['province-admin']},
  {name: 'campaigns', title: '活动管理', tag: 'page-campaigns', load: () => import('./pages/campaigns.js'),
    org: false, nav: true, campaign: false},
  {name: 'question-bank', title: '题库', tag: 'page-question-bank', load: () => import('./pages/question-bank.js'),
    org: false, nav: true, campaign: false, roles: ['province-admin']},
  {name: 'quizzes', title: '测验设置', tag: 'page-quizzes', load: () => import('./pages/quizzes.js'),
    org: false, nav: true, campaign: false, roles: ['province-admin']},
];

export const defaultRoute = 'dashboard';

export function findRoute(name) {
  return routes.find(route => route.name === name) ?? null;
}
