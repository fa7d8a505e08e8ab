/**
 * Words of the access capability in English and Japanese: the problem details a denied request
 * gets (in the client's Accept-Language) and the `users`, `keys` and `audit` commands.
 */
import { messages } from "../core/messages.ts";

const en = {
  needSignIn: "Sign in or present an API key (Authorization: Bearer spx_…) to use {route}.",
  badKey: "The API key is not valid: {reason}.",
  forbiddenRole: "The role {role} may not use {route}.",
  forbiddenPort: "Your access does not cover port {port}.",
  forbiddenUnscoped:
    "Your access covers some ports only; this address names no port, so it is open to access covering every port.",
  csrfMissing: "A signed-in browser must send the x-csrf-token header (from GET /api/session) with {method}.",
  rateLimited: "Too many attempts; try again in {seconds} s.",
  loginFailed: "Wrong user name or password.",
  passwordOnlyUsers: "Only a signed-in user can change a password (an API key has none).",
  passwordTooShort: "A password needs at least {min} characters.",
  userExists: "A user named {name} exists already.",
  noUser: "No user {id}.",
  noKey: "No API key {id}.",
  badRole: "Role must be one of {roles}, not {role}.",
  badPort: "Port must be a UN/LOCODE such as USLAX, not {port}.",
  userAdded:
    "User {name} ({role}, ports {ports}) added. One-time password, shown only now — give it to the user and have them change it:",
  keyCreated: "API key {id} ({name}, {role}, ports {ports}) created. The key, shown only now:",
  keyRevoked: "API key {id} revoked.",
  keyNotRevoked: "API key {id} was revoked already or does not exist.",
  userDisabled: "User {name} disabled; their sessions ended.",
  demoUsers:
    "Demo sign-ins, one per role (one-time passwords, shown only now; `sisterports users list` lists them):",
  auditBadCursor: "before: {cursor} is not a cursor of this audit log (pass a page's nextCursor as it came).",
  auditBadLimit: "limit: 1 to {max} entries a page, not {limit}.",
  auditNextPage: "Older entries: --before {cursor}",
  auditLastPage: "(oldest entry reached)",
  colName: "name",
  colRole: "role",
  colPorts: "ports",
  colOwner: "owner",
  colCreated: "created (UTC)",
  colDisabled: "disabled",
  colId: "id",
  colExpires: "expires",
  colRevoked: "revoked",
  colLastUsed: "last used",
  colAt: "at (UTC)",
  colActor: "actor",
  colAction: "action",
  colTarget: "target",
  colOutcome: "outcome",
  colIp: "from",
  none: "(none)",
};

const ja: typeof en = {
  needSignIn: "{route} を使うにはサインインするか API キー（Authorization: Bearer spx_…）を示してください。",
  badKey: "API キーが有効ではありません：{reason}。",
  forbiddenRole: "ロール {role} は {route} を使えません。",
  forbiddenPort: "あなたのアクセス権は港 {port} を含みません。",
  forbiddenUnscoped:
    "あなたのアクセス権は一部の港に限られています。このアドレスは港を指定しないため、すべての港を含むアクセス権でのみ利用できます。",
  csrfMissing:
    "サインイン中のブラウザは {method} に x-csrf-token ヘッダー（GET /api/session で取得）を付けてください。",
  rateLimited: "試行が多すぎます。{seconds} 秒後にもう一度お試しください。",
  loginFailed: "ユーザー名またはパスワードが違います。",
  passwordOnlyUsers:
    "パスワードを変更できるのはサインインしたユーザーだけです（API キーにはパスワードがありません）。",
  passwordTooShort: "パスワードは {min} 文字以上必要です。",
  userExists: "ユーザー {name} はすでに存在します。",
  noUser: "ユーザー {id} はありません。",
  noKey: "API キー {id} はありません。",
  badRole: "ロールは {roles} のいずれかです（{role} ではありません）。",
  badPort: "港は USLAX のような UN/LOCODE で指定してください（{port} ではありません）。",
  userAdded:
    "ユーザー {name}（{role}、港 {ports}）を追加しました。一度だけ表示するワンタイムパスワードです。本人に渡し、変更してもらってください：",
  keyCreated: "API キー {id}（{name}、{role}、港 {ports}）を作成しました。キーは今回だけ表示されます：",
  keyRevoked: "API キー {id} を失効させました。",
  keyNotRevoked: "API キー {id} はすでに失効しているか、存在しません。",
  userDisabled: "ユーザー {name} を無効にし、セッションを終了しました。",
  demoUsers:
    "デモ用のサインイン（ロールごとに1つ。ワンタイムパスワードは今回だけ表示。一覧は `sisterports users list`）：",
  auditBadCursor:
    "before: {cursor} はこの監査ログのカーソルではありません（前のページの nextCursor をそのまま渡してください）。",
  auditBadLimit: "limit: 1 ページあたり 1〜{max} 件です（{limit} ではありません）。",
  auditNextPage: "さらに古い記録：--before {cursor}",
  auditLastPage: "（最も古い記録まで表示しました）",
  colName: "名前",
  colRole: "ロール",
  colPorts: "港",
  colOwner: "所属",
  colCreated: "作成（UTC）",
  colDisabled: "無効化",
  colId: "ID",
  colExpires: "有効期限",
  colRevoked: "失効",
  colLastUsed: "最終使用",
  colAt: "日時（UTC）",
  colActor: "実行者",
  colAction: "操作",
  colTarget: "対象",
  colOutcome: "結果",
  colIp: "接続元",
  none: "（なし）",
};

export type AccessMessageKey = keyof typeof en;
export const accessMsg = messages({ en, ja });
