// The sign-in page: the union's identity provider (OIDC with PKCE), and in dev and test builds the demo identities.

import {html, nothing} from 'lit';
import {LightElement} from './shared/console-page.js';
import {devIdentities, devSignIn, startSignIn} from './shared/auth.js';
import {loading} from './shared/states.js';

const REASONS = {
  expired: '登录已过期，请重新登录。',
  'signed-out': '您已退出登录。',
  worker: '本控制台供各级工会管理员使用。职工请通过三微一端（微信、微博、微视频、工会App）参加学习。',
};

class ConsoleSignIn extends LightElement {
  static properties = {
    settings: {attribute: false},
    reason: {attribute: false},
    identities: {state: true},
    busy: {state: true},
    error: {state: true},
  };

  updated(changed) {
    if (changed.has('settings') && this.settings?.devSignIn && !this.identities) {
      devIdentities().then(list => { this.identities = list; }, e => { this.error = e.message; });
    }
  }

  render() {
    const reason = REASONS[this.reason] ?? this.reason;
    return html`<section class="sign-in">
      <div class="sign-in-card">
        <div class="sign-in-brand">青海省总工会</div>
        <h1>学习活动管理控制台</h1>
        ${reason ? html`<p class="notice ${this.reason === 'worker' ? 'notice-warn' : ''}" role="alert"
            data-reason=${this.reason}>${reason}</p>` : nothing}
        ${this.error ? html`<p class="notice notice-error" role="alert">${this.error}</p>` : nothing}
        ${this.settings?.oidc ? this.providerButton() : this.unconfigured()}
        ${this.settings?.devSignIn ? this.demoIdentities() : nothing}
      </div>
    </section>`;
  }

  providerButton() {
    return html`<button class="button button-primary button-wide" id="oidc-sign-in" ?disabled=${this.busy}
        @click=${() => this.run(() => startSignIn(this.settings.oidc, location.hash))}>使用统一身份认证登录</button>`;
  }

  unconfigured() {
    return this.settings?.devSignIn
      ? html`<p class="notice" id="oidc-missing">开发模式：尚未配置统一身份认证（study.console.oidc.issuer 与
          client-id），请用下面的演示身份登录。</p>`
      : html`<p class="notice notice-error" id="oidc-missing" role="alert">尚未配置统一身份认证，暂时无法登录。请系统管理员设置
          STUDY_CONSOLE_OIDC_ISSUER 与 STUDY_CONSOLE_OIDC_CLIENT_ID（见 README「Console」一节）。</p>`;
  }

  demoIdentities() {
    if (!this.identities) return loading('演示身份');
    return html`<div class="demo-identities">
      <h2>演示身份（仅开发与测试环境）</h2>
      ${this.identities.map(identity => html`<button class="identity" data-identity=${identity.id} ?disabled=${this.busy}
          @click=${() => this.run(async () => this.signedIn(await devSignIn(identity.id)))}>
        <span class="identity-role">${identity.roleName}</span>
        <span class="identity-org">${identity.orgName}</span>
        <span class="identity-subject">${identity.subject}</span>
      </button>`)}
    </div>`;
  }

  signedIn(token) {
    this.dispatchEvent(new CustomEvent('signed-in', {detail: {token}, bubbles: true}));
  }

  async run(action) {
    this.busy = true;
    this.error = null;
    try {
      await action();
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('console-sign-in', ConsoleSignIn);
