// The console's shell: sign-in, the admin's session, navigation, the campaign selector, and the page of the route.

import {html, nothing} from 'lit';
import {LightElement} from './shared/console-page.js';
import * as session from './shared/session.js';
import {getJson} from './shared/api.js';
import {finishSignIn, loadSettings} from './shared/auth.js';
import {href, parseHash} from './shared/router.js';
import {alert, describe, empty, loading} from './shared/states.js';
import {defaultRoute, findRoute, routes} from './routes.js';
import './signin.js';

const ROLE_NAMES = {'province-admin': '省总管理员', 'org-admin': '工会管理员'};

class StudyConsole extends LightElement {
  static properties = {
    settings: {state: true},
    reason: {state: true},
    context: {state: true},
    route: {state: true},
    page: {state: true},
    problem: {state: true},
    scopeOrg: {state: true},
    starting: {state: true},
  };

  constructor() {
    super();
    this.starting = true;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', () => this.show());
    session.onChange((current, reason) => {
      if (!current) this.leave(reason);
    });
    this.addEventListener('org-shown', event => { this.scopeOrg = event.detail.code; });
    this.addEventListener('campaigns-changed', () => this.refreshCampaigns());
    this.start();
  }

  async start() {
    try {
      this.settings = await loadSettings();
      const redirect = this.settings.oidc ? await finishSignIn(this.settings.oidc) : null;
      if (redirect) {
        if (redirect.returnTo) history.replaceState(null, '', `${location.pathname}${redirect.returnTo}`);
        await this.enter(redirect.accessToken, redirect.signOutUrl, redirect.renewal);
      }
    } catch (e) {
      this.reason = e.message;
    } finally {
      this.starting = false;
    }
  }

  /** A token in hand: who is it (workers are turned away), and which campaigns do they report on. */
  async enter(token, signOutUrl = null, renewal = null) {
    const bearer = {headers: {Authorization: `Bearer ${token}`}};
    try {
      const me = await getJson('/api/v1/me', {}, bearer);
      if (me.role === 'worker') {
        this.reason = 'worker';
        return;
      }
      const listed = await getJson('/api/v1/admin/campaigns', {size: 100}, bearer);
      this.context = {me, ...reported(listed), signOutUrl};
      this.scopeOrg = me.org?.code ?? null;
      this.reason = null;
      session.begin(token, me, signOutUrl, renewal);
      this.show();
    } catch (e) {
      this.reason = describe(e).title;
    }
  }

  /** A page published, closed or edited a campaign: the selector lists the campaigns anew. */
  async refreshCampaigns() {
    if (!this.context) return;
    try {
      const listed = await getJson('/api/v1/admin/campaigns', {size: 100});
      this.context = {...this.context, ...reported(listed)};
    } catch {
      // The selector keeps the list it had; signing in again reloads it.
    }
  }

  leave(reason) {
    this.context = null;
    this.page = null;
    this.reason = reason;
  }

  signOut() {
    const signOutUrl = this.context?.signOutUrl ?? null;
    session.end('signed-out');
    if (signOutUrl) location.assign(signOutUrl);
  }

  /** Shows the page of the current hash, first making the hash say the union and campaign it shows. */
  async show() {
    if (!this.context) return;
    const {me, defaultCampaign} = this.context;
    const parsed = parseHash(location.hash);
    const route = findRoute(parsed.name);
    const ownOrg = me.org?.code;
    if (!route) {
      location.replace(href(defaultRoute, ownOrg ? [ownOrg] : [], {campaign: defaultCampaign?.id}));
      return;
    }
    const segments = [...parsed.segments];
    const query = {...parsed.query};
    if (route.org && segments.length === 0 && ownOrg) segments.push(ownOrg);
    if (route.campaign && !query.campaign && defaultCampaign) query.campaign = String(defaultCampaign.id);
    const canonical = href(route.name, segments, query);
    if (canonical !== location.hash) {
      location.replace(canonical);
      return;
    }
    this.route = {...route, segments, query};
    this.problem = null;
    if (route.org && segments.length === 0) {
      this.page = null;
      this.problem = me.role === 'province-admin'
        ? {title: '组织目录还没有唯一的根工会', hint: '请先通过 POST /api/v1/admin/orgs/import 导入全省工会组织（以省总工会为根）。'}
        : {title: '您的令牌没有所属工会（org 声明）', hint: '请联系统一身份认证服务的管理员为您的账号配置工会代码。'};
      return;
    }
    try {
      await route.load();
    } catch (e) {
      this.page = null;
      this.problem = {title: '页面加载失败', hint: String(e.message ?? e)};
      return;
    }
    const page = document.createElement(route.tag);
    Object.assign(page, {segments, query, context: this.context});
    this.page = page;
    document.title = `${route.title} · 学习活动管理控制台`;
  }

  render() {
    if (this.starting) return loading('控制台');
    if (!this.context) {
      return html`<console-sign-in .settings=${this.settings} .reason=${this.reason}
          @signed-in=${e => this.enter(e.detail.token)}></console-sign-in>`;
    }
    const {me} = this.context;
    return html`
      <header class="topbar">
        <a class="brand" href=${this.link(defaultRoute)}>学习活动管理控制台</a>
        <span class="who" id="who">${me.org?.name ?? '全省'}<span class="who-role"> · ${ROLE_NAMES[me.role] ?? me.role}</span></span>
        <button class="button button-quiet" id="sign-out" @click=${() => this.signOut()}>退出</button>
      </header>
      <nav class="tabs" aria-label="页面">
        ${routes.filter(route => route.nav && (!route.roles || route.roles.includes(me.role)))
          .map(route => html`<a href=${this.link(route.name)}
            class=${this.route?.name === route.name ? 'tab tab-active' : 'tab'}
            aria-current=${this.route?.name === route.name ? 'page' : 'false'}>${route.title}</a>`)}
      </nav>
      ${this.route?.campaign ? this.campaignBar() : nothing}
      <main class="page" id="page">${this.body()}</main>`;
  }

  /** On a phone the tabs scroll sideways: keep the page's own tab in sight, not cut off at the edge. */
  updated() {
    const strip = this.querySelector('nav.tabs');
    const active = strip?.querySelector('.tab-active');
    if (!active) return;
    const box = strip.getBoundingClientRect();
    const tab = active.getBoundingClientRect();
    if (tab.left < box.left || tab.right > box.right) strip.scrollLeft += tab.left - box.left - 16;
  }

  body() {
    if (this.problem) return alert(this.problem);
    if (this.route?.campaign && this.context.campaigns.length === 0) {
      return empty('暂无可查看的学习活动', '省总发布面向本级或下级工会的学习活动后，这里会显示完成情况。');
    }
    return this.page ?? loading('页面');
  }

  /** A navigation link: the union on screen (once the API has shown it) and the campaign carry over. */
  link(name) {
    const route = findRoute(name);
    const campaign = this.route?.query?.campaign ?? this.context?.defaultCampaign?.id;
    return href(name, route.org && this.scopeOrg ? [this.scopeOrg] : [], route.campaign ? {campaign} : {});
  }

  campaignBar() {
    const selected = this.route.query.campaign;
    const {campaigns} = this.context;
    if (campaigns.length === 0) return nothing;
    return html`<div class="context-bar">
      <label class="field">学习活动
        <select id="campaign" @change=${e => this.chooseCampaign(e.target.value)}>
          ${campaigns.map(campaign => html`<option value=${campaign.id} ?selected=${String(campaign.id) === selected}>
            ${campaign.title}${campaign.status === 'CLOSED' ? '（已结束）' : ''}</option>`)}
        </select>
      </label>
    </div>`;
  }

  chooseCampaign(id) {
    const {name, segments, query} = this.route;
    location.hash = href(name, segments, {...query, campaign: id, page: undefined});
  }
}

/** The campaigns the selector offers (a draft reports nothing) and the one shown by default. */
function reported(listed) {
  const campaigns = listed.items.filter(campaign => campaign.status !== 'DRAFT');
  return {campaigns, defaultCampaign: newestPublished(campaigns)};
}

/** The campaign the API reports on by default: the most recently published (see CampaignDirectory.defaultFor). */
function newestPublished(campaigns) {
  const published = campaigns.filter(campaign => campaign.status === 'PUBLISHED');
  published.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id);
  return published[0] ?? campaigns[0] ?? null;
}

customElements.define('study-console', StudyConsole);
