// Mercury Console front end. Every value from the cluster is put into the page with textContent
// (never innerHTML), so message bodies and properties show as text whatever they contain.
'use strict';

function el(tag, attrs, children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') { e.textContent = v == null ? '' : String(v); }
    else if (k.startsWith('on')) { e.addEventListener(k.substring(2), v); }
    else { e.setAttribute(k, v); }
  }
  for (const c of children || []) { if (c != null) { e.appendChild(c); } }
  return e;
}

// A broker's putTps / getTransferedTps: "last 10 s, last minute, last 10 min" (one number on some brokers); the first,
// rounded to a tenth.
function tps(text) {
  if (text == null || text === '') { return '-'; }
  const first = Number(String(text).trim().split(/\s+/)[0]);
  return Number.isFinite(first) ? Math.round(first * 10) / 10 : String(text);
}

function table(headers, rows, id) {
  const head = el('tr', {}, headers.map(h => el('th', { text: h })));
  const body = rows.map(r => el('tr', {}, r.map(cell => {
    if (cell instanceof Node) { return el('td', {}, [cell]); }
    return el('td', { text: cell == null ? '-' : cell, class: typeof cell === 'number' ? 'num' : '' });
  })));
  const attrs = id ? { id: id } : {};
  return el('table', attrs, [el('thead', {}, [head]), el('tbody', {}, body)]);
}

async function api(path, options) {
  const resp = await fetch(path, options);
  if (resp.status === 401 && path !== '/api/login') { loginPage(); }
  let data;
  try { data = await resp.json(); } catch (e) { throw new Error('HTTP ' + resp.status + ': the answer is not JSON'); }
  if (!resp.ok) { throw new Error(data.error || ('HTTP ' + resp.status)); }
  return data;
}

function errorBox(e) { return el('div', { class: 'error', text: String(e.message || e) }); }
function time(ts) { return ts > 0 ? new Date(ts).toISOString().replace('T', ' ').replace('Z', '') : '-'; }
function num(v) { return v == null || v === '' ? null : Number(v); }
// a ratio 0..1 from the runtime info as "42.1%"
function percent(v) { return v == null || v === '' || Number.isNaN(Number(v)) ? '-' : (Math.round(Number(v) * 1000) / 10) + '%'; }

const page = () => document.getElementById('page');
// while the login form shows (docs/console.md, "Login"), a read that ended in 401 draws nothing over it
const loggedOut = () => document.getElementById('login-form') != null;
function show(...nodes) { if (!loggedOut()) { page().replaceChildren(...nodes.filter(n => n != null)); } }

// ---- live refresh ----
// A page registers named refreshes; navigating away stops them all. While the tab is hidden a refresh skips its
// read (and reads at once when the tab shows again), so a console left open in the background costs nothing.
const LIVE_MILLIS = 5000;
const liveTimers = new Map();

function every(name, millis, fn) {
  stopLive(name);
  const entry = { fn: fn, timer: null };
  const tick = async () => {
    if (!document.hidden) { try { await fn(); } catch (e) { /* the refresh shows its own error and tries again */ } }
    if (liveTimers.get(name) === entry) { entry.timer = setTimeout(tick, millis); }
  };
  liveTimers.set(name, entry);
  entry.timer = setTimeout(tick, millis);
}

function stopLive(name) {
  for (const [n, entry] of liveTimers) {
    if (name === undefined || n === name) { clearTimeout(entry.timer); liveTimers.delete(n); }
  }
}

// The line under a live page's title: when it last read the cluster, or why the last read failed (the data
// shown stays as it was).
function liveLine() {
  const node = el('p', { class: 'muted', id: 'live-status', 'data-refreshes': '0',
    text: 'Refreshed every ' + LIVE_MILLIS / 1000 + ' s while this tab is shown' });
  let count = 0;
  return {
    node: node,
    ok: () => {
      count++;
      node.setAttribute('data-refreshes', String(count));
      node.className = 'muted';
      node.textContent = 'Refreshed every ' + LIVE_MILLIS / 1000 + ' s while this tab is shown; last at ' + time(Date.now()).substring(11, 19) + ' UTC';
    },
    fail: (e) => { node.className = 'error'; node.textContent = 'Refresh failed, showing older data: ' + (e.message || e); },
  };
}

// Runs fn every LIVE_MILLIS as the page's refresh, reporting on the live line.
function liveRefresh(line, fn) {
  every('page', LIVE_MILLIS, async () => {
    try { await fn(); line.ok(); } catch (e) { line.fail(e); }
  });
}

document.addEventListener('visibilitychange', () => {
  if (document.hidden) { return; }
  for (const entry of liveTimers.values()) { entry.fn().catch(() => {}); }
  if (onDashboard() && document.body.getAttribute('data-page') === 'dashboard') { refreshDashboard(); }
});

// ---- Dashboard ----
// Trend lines drawn by uPlot (from its WebJar); the page re-reads /api/dashboard while it is shown.
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
let dashboardTimer = null;

function trendChart(id, title, trend) {
  const holder = el('div', { id: id, class: 'chart' });
  if (!trend.times.length || !trend.series.length) {
    holder.appendChild(el('p', { class: 'muted', text: title + ': no sample yet' }));
    return holder;
  }
  const opts = {
    title: title, width: Math.min(1100, Math.max(400, page().clientWidth - 32)), height: 260,
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [{}].concat(trend.series.map((s, i) => ({ label: s.name, stroke: COLORS[i % COLORS.length], width: 2 }))),
  };
  // uPlot writes the series names with textContent; they are topic and broker names
  new uPlot(opts, [trend.times].concat(trend.series.map(s => s.values)), holder);
  return holder;
}

async function dashboardPage() {
  const d = await api('/api/dashboard');
  const brokerRows = d.brokers.map(b => b.error
    ? [b.broker, b.addr, el('span', { class: 'error', text: b.error }), null, null, null]
    : [b.broker, b.addr, b.putToday, b.getToday, b.putLastMinute, b.getLastMinute]);
  const topicRows = d.topics.slice().sort((a, b) => b.putLastHour - a.putLastHour || a.topic.localeCompare(b.topic))
    .map(t => [t.topic, t.putLastMinute, t.putLastHour]);
  show(el('h2', { text: 'Dashboard' }),
    el('p', { class: 'muted', id: 'dashboard-sampled',
      text: d.sampledAt > 0 ? 'Broker statistics sampled every ' + d.periodSeconds + ' s, last at ' + time(d.sampledAt)
        : 'Waiting for the first sample of the broker statistics' }),
    el('h3', { text: 'Brokers (masters)' }),
    table(['Broker', 'Address', 'Put today', 'Got today', 'Put last minute', 'Got last minute'], brokerRows, 'dashboard-brokers'),
    trendChart('dashboard-broker-chart', 'Messages per minute, by broker', d.brokerTrend),
    el('h3', { text: 'Topics' }),
    table(['Topic', 'Put last minute', 'Put last hour'], topicRows, 'dashboard-topics'),
    trendChart('dashboard-topic-chart', 'Messages put per minute, by topic', d.topicTrend));
  scheduleDashboard(Math.max(5, d.periodSeconds) * 1000);
}

function onDashboard() { return location.hash === '#dashboard' || location.hash === ''; }

function scheduleDashboard(millis) {
  clearTimeout(dashboardTimer);
  // like the other live pages, a hidden tab reads nothing: it looks again later, and at once when shown
  dashboardTimer = setTimeout(() => {
    if (!onDashboard()) { return; }
    if (document.hidden) { scheduleDashboard(millis); } else { refreshDashboard(); }
  }, millis);
}

async function refreshDashboard() {
  // a failed read (console or cluster away) shows why and tries again
  try { await dashboardPage(); } catch (e) { if (!loggedOut()) { show(errorBox(e)); scheduleDashboard(10000); } }
}

// ---- Cluster ----
function clusterTables(data, configHolder) {
  const nodes = [el('p', { class: 'muted', text: 'NameServer ' + data.namesrv })];
  for (const c of data.clusters) {
    nodes.push(el('h3', { text: 'Cluster ' + c.name }));
    const rows = [];
    for (const b of c.brokers) {
      for (const m of b.members) {
        const rt = m.runtime || {};
        const addr = el('a', { href: '#cluster', text: m.addr, title: 'show its configuration',
          onclick: (ev) => { ev.preventDefault(); brokerConfig(b.brokerName, m.addr, configHolder); } });
        rows.push([b.brokerName, m.brokerId, m.role, addr,
          m.error ? el('span', { class: 'error', text: m.error }) : (rt.brokerVersionDesc || '-'),
          tps(rt.putTps), tps(rt.getTransferedTps),
          num(rt.commitLogMinOffset), num(rt.commitLogMaxOffset),
          num(rt.msgPutTotalTodayNow), num(rt.msgGetTotalTodayNow), percent(rt.commitLogDiskRatio),
          m.behindMasterBytes == null ? '-' : m.behindMasterBytes]);
      }
    }
    nodes.push(table(['Broker', 'ID', 'Role', 'Address', 'Version', 'Put TPS', 'Get TPS',
      'CommitLog min', 'CommitLog max', 'Put today', 'Got today', 'Disk used (commit log)', 'Behind master (bytes)'], rows, 'cluster-table'));
  }
  return nodes;
}

async function clusterPage() {
  const config = el('div', { id: 'broker-config-holder' });
  const holder = el('div', {}, clusterTables(await api('/api/cluster'), config));
  const line = liveLine();
  show(el('h2', { text: 'Cluster' }), line.node, holder, config);
  liveRefresh(line, async () => holder.replaceChildren(...clusterTables(await api('/api/cluster'), config)));
}

// A broker's effective configuration (GET_BROKER_CONFIG), with a filter on key or value.
async function brokerConfig(brokerName, addr, holder) {
  holder.replaceChildren(el('p', { class: 'muted', text: 'Loading the configuration of ' + addr + '...' }));
  try {
    const config = await api('/api/broker/config?addr=' + encodeURIComponent(addr));
    const filter = el('input', { id: 'broker-config-filter', placeholder: 'key or value contains' });
    const list = el('div');
    const render = () => {
      const f = filter.value.toLowerCase();
      list.replaceChildren(table(['Key', 'Value'], Object.entries(config)
        .filter(([k, v]) => k.toLowerCase().includes(f) || String(v).toLowerCase().includes(f)), 'broker-config'));
    };
    filter.addEventListener('input', render);
    render();
    holder.replaceChildren(el('h3', { text: 'Configuration of ' + brokerName + ' (' + addr + ')' }),
      el('form', {}, [filter]), list);
  } catch (e) { holder.replaceChildren(errorBox(e)); }
}

// ---- Topics ----
async function topicsPage() {
  const [firstTopics, cluster] = await Promise.all([api('/api/topics'), api('/api/cluster')]);
  let topics = firstTopics;
  let open = null;
  const clusters = cluster.clusters.map(c => c.name);
  const filter = el('select', { id: 'topic-filter' }, ['ALL', 'NORMAL', 'RETRY', 'DLQ', 'SYSTEM']
    .map(k => el('option', { value: k, text: k })));
  const search = el('input', { id: 'topic-search', placeholder: 'name contains' });
  const listHolder = el('div');
  const detail = el('div', { id: 'topic-detail' });
  function render() {
    const kind = filter.value, s = search.value.toLowerCase();
    const rows = topics.filter(t => (kind === 'ALL' || t.kind === kind) && t.topic.toLowerCase().includes(s))
      .map(t => [el('a', { href: '#topics', text: t.topic, onclick: (ev) => { ev.preventDefault(); open = t.topic; topicDetail(t.topic, detail, clusters); } }), t.kind]);
    listHolder.replaceChildren(table(['Topic', 'Kind'], rows, 'topic-table'));
  }
  filter.addEventListener('change', render);
  search.addEventListener('input', render);
  render();
  const line = liveLine();
  show(el('h2', { text: 'Topics' }), line.node, createTopicForm(clusters),
    el('form', {}, [el('label', { text: 'Kind ' }), filter, search]), listHolder, detail);
  // the list and the open topic's offsets follow the cluster; the forms keep what is typed
  liveRefresh(line, async () => {
    topics = await api('/api/topics');
    render();
    if (open) { await topicDetail(open, detail, clusters, true); }
  });
}

function createTopicForm(clusters) {
  const name = el('input', { id: 'new-topic', placeholder: 'topic name', required: 'required' });
  const cl = el('select', { id: 'new-topic-cluster' }, clusters.map(c => el('option', { value: c, text: c })));
  const rq = el('input', { id: 'new-topic-read', type: 'number', value: '8', min: '1', max: '1024' });
  const wq = el('input', { id: 'new-topic-write', type: 'number', value: '8', min: '1', max: '1024' });
  const perm = el('select', { id: 'new-topic-perm' }, [['6', 'read+write'], ['4', 'read'], ['2', 'write']]
    .map(([v, t]) => el('option', { value: v, text: t })));
  const order = el('input', { id: 'new-topic-order', type: 'checkbox' });
  const status = el('span', { id: 'new-topic-status' });
  const form = el('form', { id: 'create-topic-form', class: 'write' }, [el('strong', { text: 'Create / update topic' }), name, cl,
    el('label', { text: 'read' }), rq, el('label', { text: 'write' }), wq, perm, el('label', { text: 'order' }), order,
    el('button', { id: 'new-topic-submit', type: 'submit', text: 'Create / update' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { topic: name.value.trim(), cluster: cl.value, readQueueNums: Number(rq.value),
      writeQueueNums: Number(wq.value), perm: Number(perm.value), order: order.checked };
    if (!window.confirm('Create or update topic "' + body.topic + '" on cluster ' + body.cluster + ' with '
      + body.readQueueNums + '/' + body.writeQueueNums + ' queues?')) { return; }
    try {
      const r = await api('/api/topics', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      status.className = ''; status.textContent = 'Saved on ' + r.brokers.join(', ');
    } catch (e) { status.className = 'error'; status.textContent = e.message; }
  });
  return form;
}

async function topicTables(topic) {
  const [route, offsets, groups] = await Promise.all([
    api('/api/topic/route?topic=' + encodeURIComponent(topic)),
    api('/api/topic/offsets?topic=' + encodeURIComponent(topic)),
    api('/api/topic/consumers?topic=' + encodeURIComponent(topic)).catch(e => e)]);
  return [el('h3', { text: 'Route' }),
    table(['Broker', 'Read queues', 'Write queues', 'Perm'],
      route.queueDatas.map(q => [q.brokerName, q.readQueueNums, q.writeQueueNums, q.permText]), 'route-table'),
    table(['Cluster', 'Broker', 'Addresses'],
      route.brokerDatas.map(b => [b.cluster, b.brokerName, Object.entries(b.brokerAddrs).map(([id, a]) => id + '=' + a).join(' ')])),
    el('h3', { text: 'Queue offsets' }),
    table(['Broker', 'Queue', 'Min offset', 'Max offset', 'Last update'],
      offsets.map(o => [o.brokerName, o.queueId, o.minOffset, o.maxOffset, time(o.lastUpdateTimestamp)]), 'offsets-table'),
    el('h3', { text: 'Consumer groups' }),
    Array.isArray(groups)
      ? (groups.length ? table(['Group'], groups.map(g => [g]), 'topic-groups') : el('p', { class: 'muted', id: 'topic-groups', text: 'No group has consumed it.' }))
      : el('p', { class: 'error', text: String(groups.message || groups) })];
}

// The tables follow the cluster (a quiet refresh redraws only them); the forms below keep what is typed.
async function topicDetail(topic, holder, clusters, quiet) {
  if (quiet && holder.dataset.topic === topic && holder.liveNode) {
    try { holder.liveNode.replaceChildren(...await topicTables(topic)); } catch (e) { holder.liveNode.replaceChildren(errorBox(e)); }
    return;
  }
  holder.dataset.topic = topic;
  holder.replaceChildren(el('p', { class: 'muted', text: 'Loading ' + topic + '...' }));
  const live = el('div');
  holder.liveNode = live;
  try { live.replaceChildren(...await topicTables(topic)); } catch (e) { live.replaceChildren(errorBox(e)); }
  holder.replaceChildren(el('h3', { text: 'Topic ' + topic }), live, sendMessageForm(topic), deleteTopicForm(topic, clusters));
}

function sendMessageForm(topic) {
  const tag = el('input', { id: 'send-tag', placeholder: 'tag' });
  const key = el('input', { id: 'send-key', placeholder: 'key' });
  const body = el('textarea', { id: 'send-body', placeholder: 'body', rows: '2', cols: '40' });
  const status = el('span', { id: 'send-status' });
  const form = el('form', { id: 'send-form', class: 'write' }, [el('strong', { text: 'Send a test message' }), tag, key, body,
    el('button', { id: 'send-submit', type: 'submit', text: 'Send' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await postJson('/api/topic/send', { topic: topic, tag: tag.value, key: key.value, body: body.value });
      setStatus(status, r.status + ': ' + r.msgId + ' on ' + r.brokerName + ' queue ' + r.queueId + ' at offset ' + r.queueOffset);
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

function deleteTopicForm(topic, clusters) {
  const cl = el('select', { id: 'delete-topic-cluster' }, clusters.map(c => el('option', { value: c, text: c })));
  const status = el('span', { id: 'delete-topic-status' });
  const form = el('form', { id: 'delete-topic-form', class: 'write' }, [el('strong', { text: 'Delete topic' }), cl,
    el('button', { id: 'delete-topic-submit', type: 'submit', text: 'Delete' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!window.confirm('Delete topic "' + topic + '" and its messages from every master of cluster ' + cl.value + ' and from the NameServers?')) { return; }
    try {
      const r = await postJson('/api/topic/delete', { topic: topic, cluster: cl.value });
      setStatus(status, 'Deleted from ' + r.brokers.join(', '));
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

// ---- Consumers ----
function postJson(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function setStatus(node, text, isError) { node.className = isError ? 'error' : ''; node.textContent = text; }

const GROUP_SORTS = {
  group: (a, b) => a.group.localeCompare(b.group),
  lag: (a, b) => (b.lag == null ? -1 : b.lag) - (a.lag == null ? -1 : a.lag) || a.group.localeCompare(b.group),
  tps: (a, b) => (b.consumeTps == null ? -1 : b.consumeTps) - (a.consumeTps == null ? -1 : a.consumeTps) || a.group.localeCompare(b.group),
};

async function consumersPage() {
  const [firstGroups, cluster] = await Promise.all([api('/api/consumers'), api('/api/cluster')]);
  let groups = firstGroups;
  const clusters = cluster.clusters.map(c => c.name);
  const detail = el('div', { id: 'consumer-detail' });
  const sort = el('select', { id: 'consumer-sort' }, [['group', 'name'], ['lag', 'lag (highest first)'], ['tps', 'consume TPS (highest first)']]
    .map(([v, t]) => el('option', { value: v, text: t })));
  const listHolder = el('div');
  function render() {
    const rows = groups.slice().sort(GROUP_SORTS[sort.value]).map(g => [
      el('a', { href: '#consumers', text: g.group, onclick: (ev) => { ev.preventDefault(); consumerDetail(g.group, detail, clusters); } }),
      g.error ? el('span', { class: 'error', text: g.error }) : Math.round(g.consumeTps * 100) / 100, g.lag, g.queues]);
    listHolder.replaceChildren(table(['Group', 'Consume TPS', 'Lag', 'Queues'], rows, 'consumer-table'));
  }
  sort.addEventListener('change', render);
  render();
  const line = liveLine();
  show(el('h2', { text: 'Consumer groups' }), line.node, groupForm(clusters),
    el('form', {}, [el('label', { text: 'Sort by ' }), sort]), listHolder, detail);
  // the list follows the cluster; an open group's detail reads its own lag (consumerDetail)
  liveRefresh(line, async () => { groups = await api('/api/consumers'); render(); });
}

function groupForm(clusters) {
  const name = el('input', { id: 'new-group', placeholder: 'group name' });
  const cl = el('select', { id: 'new-group-cluster' }, clusters.map(c => el('option', { value: c, text: c })));
  const consume = el('input', { id: 'new-group-consume', type: 'checkbox', checked: 'checked' });
  const broadcast = el('input', { id: 'new-group-broadcast', type: 'checkbox', checked: 'checked' });
  const retry = el('input', { id: 'new-group-retry', type: 'number', value: '16', min: '0' });
  const brokerId = el('input', { id: 'new-group-broker-id', type: 'number', value: '0', min: '0' });
  const slowly = el('input', { id: 'new-group-slowly', type: 'number', value: '1', min: '0' });
  const status = el('span', { id: 'new-group-status' });
  const form = el('form', { id: 'group-form', class: 'write' }, [el('strong', { text: 'Create / update group' }), name, cl,
    el('label', { text: 'consume' }), consume, el('label', { text: 'broadcast' }), broadcast,
    el('label', { text: 'retry max' }), retry, el('label', { text: 'broker id' }), brokerId,
    el('label', { text: 'when slow, broker' }), slowly,
    el('button', { id: 'new-group-submit', type: 'submit', text: 'Create / update' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { group: name.value.trim(), cluster: cl.value, consumeEnable: consume.checked,
      consumeBroadcastEnable: broadcast.checked, retryMaxTimes: Number(retry.value), brokerId: Number(brokerId.value),
      whichBrokerWhenConsumeSlowly: Number(slowly.value) };
    if (!window.confirm('Create or update group "' + body.group + '" on every master of cluster ' + body.cluster + '?')) { return; }
    try {
      const r = await postJson('/api/consumers', body);
      setStatus(status, 'Saved on ' + r.brokers.join(', '));
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

// A group's lag chart joins the console's own samples (LagSampler: every group, every minute by default, the last
// 6 hours) with the readings this page takes every 5 s while it is open (the last hour of them).
const LAG_POINTS = 720;
const lagHistory = new Map();

function lagEntry(group) {
  let h = lagHistory.get(group);
  if (!h) { h = { server: { times: [], lags: [] }, times: [], lags: [] }; lagHistory.set(group, h); }
  return h;
}

function recordLag(group, sampledAt, lag) {
  const h = lagEntry(group);
  h.times.push(sampledAt / 1000);
  h.lags.push(lag);
  if (h.times.length > LAG_POINTS) { h.times.shift(); h.lags.shift(); }
  return h;
}

function seedLag(group, server) {
  const h = lagEntry(group);
  h.server = { times: [], lags: [] };
  server.times.forEach((t, i) => { if (server.lags[i] != null) { h.server.times.push(t); h.server.lags.push(server.lags[i]); } });
  return h;
}

// both sources on one time axis, oldest first
function lagSeries(h) {
  const points = h.server.times.map((t, i) => [t, h.server.lags[i]]).concat(h.times.map((t, i) => [t, h.lags[i]]));
  points.sort((x, y) => x[0] - y[0]);
  return [points.map(p => p[0]), points.map(p => p[1])];
}

function lagChart(group, periodSeconds) {
  const holder = el('div', { id: 'consumer-lag-chart', class: 'chart' });
  const plot = new uPlot({
    title: 'Lag of ' + group + ' (sampled by the console every ' + periodSeconds + ' s, and every ' + LIVE_MILLIS / 1000 + ' s while this page is open)',
    width: Math.min(1100, Math.max(400, page().clientWidth - 32)), height: 220,
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [{}, { label: 'lag', stroke: COLORS[3], width: 2 }],
  }, lagSeries(lagEntry(group)), holder);
  function update(history) {
    const data = lagSeries(history);
    plot.setData(data);
    // what the chart shows last, for people reading the DOM and for the browser test
    holder.setAttribute('data-points', String(data[0].length));
    if (data[0].length) { holder.setAttribute('data-last-lag', String(data[1][data[1].length - 1])); }
  }
  return { node: holder, update: update };
}

function queueTable(queues) {
  return table(['Topic', 'Broker', 'Queue', 'Broker offset', 'Consumer offset', 'Lag', 'Last consumed'],
    queues.map(q => [q.topic, q.brokerName, q.queueId, q.brokerOffset, q.consumerOffset, q.lag, time(q.lastTimestamp)]), 'consumer-queues');
}

async function consumerDetail(group, holder, clusters) {
  stopLive('group');
  try {
    const [g, history] = await Promise.all([api('/api/consumer?group=' + encodeURIComponent(group)),
      api('/api/consumer/lag/history?group=' + encodeURIComponent(group)).catch(() => ({ periodSeconds: '?', times: [], lags: [] }))]);
    seedLag(group, history);
    const clientInfo = el('div', { id: 'client-info' });
    const clients = Array.isArray(g.clients)
      ? table(['Client id', 'Address', 'Language', 'Version'], g.clients.map(c => [
        el('a', { href: '#consumers', text: c.clientId, title: 'show its consume state',
          onclick: (ev) => { ev.preventDefault(); clientDetail(group, c.clientId, clientInfo); } }),
        c.clientAddr, c.language, c.versionDesc]), 'consumer-clients')
      : el('p', { class: 'muted', text: g.clients });
    const consumption = g.consumption
      ? el('div', {}, [
        table(['Consume type', 'Message model', 'Consume from where'],
          [[g.consumption.consumeType, g.consumption.messageModel, g.consumption.consumeFromWhere]], 'group-consumption'),
        table(['Topic', 'Expression', 'Type'], g.consumption.subscriptions.map(x => [x.topic, x.expression, x.type]),
          'group-subscriptions')])
      : el('p', { class: 'muted', text: 'Known while a client is online.' });
    const config = g.config
      ? table(['Consume', 'Broadcast', 'Retry max', 'Broker id', 'When slow, broker', 'Read from'],
        [[String(g.config.consumeEnable), String(g.config.consumeBroadcastEnable), g.config.retryMaxTimes, g.config.brokerId,
          g.config.whichBrokerWhenConsumeSlowly, g.config.broker]], 'group-config')
      : el('p', { class: 'muted', text: 'No subscription group on any master.' });
    const title = el('h3', { text: 'Group ' + group + (g.lag == null ? '' : ' (lag ' + g.lag + ')') });
    const statsNote = el('p', { class: 'muted', id: 'consumer-stats-error', text: g.statsError || '' });
    const queues = el('div', {}, [queueTable(g.queues)]);
    const chart = lagChart(group, history.periodSeconds);
    chart.update(g.lag != null ? recordLag(group, g.sampledAt, g.lag) : lagEntry(group));
    holder.replaceChildren(title, statsNote, chart.node, queues,
      el('h3', { text: 'Online clients' }), clients, clientInfo,
      el('h3', { text: 'Consumption' }), consumption,
      el('h3', { text: 'Subscription group' }), config,
      resetForm(group, g.queues.length ? g.queues[0].topic : ''),
      deleteGroupForm(group, clusters));
    // the lag, the chart and the queue table move by themselves; the forms below stay as typed
    every('group', LIVE_MILLIS, async () => {
      try {
        const r = await api('/api/consumer/lag?group=' + encodeURIComponent(group));
        title.textContent = 'Group ' + group + ' (lag ' + r.lag + ')';
        statsNote.textContent = '';
        chart.update(recordLag(group, r.sampledAt, r.lag));
        queues.replaceChildren(queueTable(r.queues));
      } catch (e) { statsNote.textContent = e.message; }
    });
  } catch (e) { holder.replaceChildren(errorBox(e)); }
}

// What one online client reports about itself: settings, subscriptions, process queues, TPS and RT per topic.
async function clientDetail(group, clientId, holder) {
  holder.replaceChildren(el('p', { class: 'muted', text: 'Asking ' + clientId + '...' }));
  try {
    const r = await api('/api/consumer/client?group=' + encodeURIComponent(group) + '&clientId=' + encodeURIComponent(clientId));
    const round = v => Math.round(v * 100) / 100;
    holder.replaceChildren(el('h3', { text: 'Consume state of ' + clientId }),
      table(['Topic', 'Expression', 'Type'], r.subscriptions.map(x => [x.topic, x.expression, x.type]), 'client-subscriptions'),
      table(['Topic', 'Pull TPS', 'Pull RT (ms)', 'Consume OK TPS', 'Consume failed TPS', 'Consume RT (ms)', 'Failed in the last hour'],
        r.status.map(x => [x.topic, round(x.pullTps), round(x.pullRt), round(x.consumeOkTps), round(x.consumeFailedTps), round(x.consumeRt), x.consumeFailedMsgs]), 'client-status'),
      table(['Topic', 'Broker', 'Queue', 'Committed offset', 'Cached messages', 'Cached MiB', 'Locked', 'Dropped', 'Last pull', 'Last consume'],
        r.queues.map(x => [x.topic, x.brokerName, x.queueId, x.commitOffset, x.cachedMsgCount, x.cachedMsgSizeInMiB, String(x.locked), String(x.dropped),
          time(x.lastPullTimestamp), time(x.lastConsumeTimestamp)]), 'client-queues'),
      table(['Setting', 'Value'], Object.entries(r.properties), 'client-properties'));
  } catch (e) { holder.replaceChildren(errorBox(e)); }
}

// A time typed as milliseconds since the epoch or as "yyyy-MM-dd HH:mm:ss" in UTC, the way the pages show times.
function parseTime(text) {
  const t = text.trim();
  if (/^\d+$/.test(t)) { return Number(t); }
  const ms = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t) ? Date.parse(t.replace(' ', 'T') + 'Z') : NaN;
  if (Number.isNaN(ms)) { throw new Error('Not a time: ' + t + ' (give milliseconds or yyyy-MM-dd HH:mm:ss in UTC)'); }
  return ms;
}

function resetForm(group, topicGuess) {
  const topic = el('input', { id: 'reset-topic', placeholder: 'topic', value: topicGuess });
  const when = el('input', { id: 'reset-time', placeholder: 'yyyy-MM-dd HH:mm:ss UTC or ms', value: time(Date.now() - 3600000).substring(0, 19) });
  const status = el('span', { id: 'reset-status' });
  const form = el('form', { id: 'reset-form', class: 'write' }, [el('strong', { text: 'Reset offset by time' }), topic, when,
    el('button', { id: 'reset-submit', type: 'submit', text: 'Reset' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const ts = parseTime(when.value);
      if (!window.confirm('Move the offsets of group "' + group + '" on topic ' + topic.value.trim() + ' to '
        + new Date(ts).toISOString() + '? Its consumers will read again from there.')) { return; }
      const r = await postJson('/api/consumer/resetOffset', { group: group, topic: topic.value.trim(), timestamp: ts });
      setStatus(status, 'Reset ' + r.queues.length + ' queue(s) through the ' + r.via + ': '
        + r.queues.map(q => q.brokerName + '/' + q.queueId + '=' + q.offset).join(' '));
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

function deleteGroupForm(group, clusters) {
  const cl = el('select', { id: 'delete-group-cluster' }, clusters.map(c => el('option', { value: c, text: c })));
  const status = el('span', { id: 'delete-group-status' });
  const form = el('form', { id: 'delete-group-form', class: 'write' }, [el('strong', { text: 'Delete group' }), cl,
    el('button', { id: 'delete-group-submit', type: 'submit', text: 'Delete' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!window.confirm('Delete group "' + group + '" with its offsets, retry and dead-letter topics from every master of cluster ' + cl.value + '?')) { return; }
    try {
      const r = await postJson('/api/consumer/delete', { group: group, cluster: cl.value });
      setStatus(status, 'Deleted from ' + r.brokers.join(', '));
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

// ---- Producers ----
// The broker knows a producer by its heartbeat (every 30 s), so a producer shows some seconds after it starts.
async function producersPage() {
  const [topics, groups] = await Promise.all([api('/api/topics'), api('/api/producers/groups')]);
  const topicList = el('datalist', { id: 'producer-topics' }, topics.filter(t => t.kind === 'NORMAL').map(t => el('option', { value: t.topic })));
  const groupList = el('datalist', { id: 'producer-groups' }, groups.map(g => el('option', { value: g })));
  const topic = el('input', { id: 'producer-topic', placeholder: 'topic', list: 'producer-topics' });
  const group = el('input', { id: 'producer-group', placeholder: 'producer group', list: 'producer-groups' });
  const results = el('div', { id: 'producer-results' });
  const form = el('form', { id: 'producer-form' }, [el('strong', { text: 'Online producers of' }), group,
    el('label', { text: 'for topic' }), topic, el('button', { id: 'producer-submit', type: 'submit', text: 'Show' })]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const list = await api('/api/producers?group=' + encodeURIComponent(group.value.trim()) + '&topic=' + encodeURIComponent(topic.value.trim()));
      results.replaceChildren(el('p', { id: 'producer-count', text: list.length + ' producer(s) online' }),
        table(['Client id', 'Address', 'Language', 'Version'], list.map(c => [c.clientId, c.clientAddr, c.language, c.versionDesc]), 'producer-table'));
    } catch (e) { results.replaceChildren(errorBox(e)); }
  });
  show(el('h2', { text: 'Producers' }), topicList, groupList, form,
    el('p', { class: 'muted', text: 'Producer groups online now: ' + (groups.length ? groups.join(', ') : 'none') }), results);
}

// ---- Messages ----
function messagesPage() {
  const topic = el('input', { id: 'msg-topic', placeholder: 'topic' });
  const key = el('input', { id: 'msg-key', placeholder: 'key' });
  const msgId = el('input', { id: 'msg-id', placeholder: 'message id' });
  const results = el('div', { id: 'msg-results' });
  const detail = el('div', { id: 'msg-detail' });
  const byKey = el('form', { id: 'msg-by-key' }, [el('strong', { text: 'By key' }), topic, key, el('button', { id: 'msg-key-submit', type: 'submit', text: 'Search' })]);
  const topic2 = el('input', { id: 'msg-topic2', placeholder: 'topic' });
  const byId = el('form', { id: 'msg-by-id' }, [el('strong', { text: 'By message id' }), topic2, msgId, el('button', { id: 'msg-id-submit', type: 'submit', text: 'Show' })]);
  const topic3 = el('input', { id: 'msg-topic3', placeholder: 'topic' });
  const begin = el('input', { id: 'msg-begin', placeholder: 'from (UTC or ms)', value: time(Date.now() - 3600000).substring(0, 19) });
  const end = el('input', { id: 'msg-end', placeholder: 'to (UTC or ms)', value: time(Date.now() + 60000).substring(0, 19) });
  const byTime = el('form', { id: 'msg-by-time' }, [el('strong', { text: 'By topic and time (UTC)' }), topic3, begin, end,
    el('button', { id: 'msg-time-submit', type: 'submit', text: 'Search' })]);
  function list(messages, note) {
    results.replaceChildren(el('p', { id: 'msg-count', text: note }),
      table(['Message id', 'Tags', 'Keys', 'Queue', 'Offset', 'Stored', 'Body bytes'], messages.map(m => [
        el('a', { href: '#messages', text: m.msgId, onclick: (e2) => { e2.preventDefault(); openMessage(m.topic, m.msgId, detail); } }),
        m.tags, m.keys, m.queueId, m.queueOffset, time(m.storeTimestamp), m.bodyLength]), 'msg-table'));
  }
  byKey.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const found = await api('/api/messages/byKey?topic=' + encodeURIComponent(topic.value.trim()) + '&key=' + encodeURIComponent(key.value.trim()));
      list(found, found.length + ' message(s)');
      if (found.length > 0) { messageDetail(found[0], detail); } else { detail.replaceChildren(); }
    } catch (e) { results.replaceChildren(errorBox(e)); }
  });
  byId.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    results.replaceChildren();
    await openMessage(topic2.value.trim(), msgId.value.trim(), detail);
  });
  byTime.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('/api/messages/byTime?topic=' + encodeURIComponent(topic3.value.trim())
        + '&begin=' + parseTime(begin.value) + '&end=' + parseTime(end.value));
      list(r.messages, r.messages.length + ' message(s), newest first'
        + (r.truncated ? ' (the newest ' + r.maxResults + ' of the range: narrow it to see older ones)' : ''));
      detail.replaceChildren();
    } catch (e) { results.replaceChildren(errorBox(e)); }
  });
  show(el('h2', { text: 'Messages' }), byKey, byId, byTime, results, detail);
}

async function openMessage(topic, msgId, holder) {
  try {
    messageDetail(await api('/api/messages/byId?topic=' + encodeURIComponent(topic) + '&msgId=' + encodeURIComponent(msgId)), holder);
  } catch (e) { holder.replaceChildren(errorBox(e)); }
}

function bytesOf(base64) {
  const raw = atob(base64 || '');
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
  return out;
}

// 16 bytes a line: offset, hex, printable ASCII ('.' for the rest); at most 64 KiB of the body.
const HEX_MAX = 64 * 1024;
function hexDump(bytes) {
  const lines = [];
  const n = Math.min(bytes.length, HEX_MAX);
  for (let off = 0; off < n; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, n));
    const hex = Array.from(row, b => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, b => (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : '.').join('');
    lines.push(off.toString(16).padStart(8, '0') + '  ' + hex.padEnd(47, ' ') + '  ' + ascii);
  }
  if (bytes.length > n) { lines.push('... (' + (bytes.length - n) + ' more bytes)'); }
  return lines.join('\n');
}

function bodyAs(view, m) {
  if (view === 'hex') { return hexDump(bytesOf(m.bodyBase64)); }
  if (view === 'json') {
    try { return JSON.stringify(JSON.parse(m.bodyText), null, 2); } catch (e) { return 'Not JSON: ' + e.message; }
  }
  return m.bodyText;
}

function messageDetail(m, holder) {
  const fields = [['Message id', m.msgId], ['Topic', m.topic], ['Tags', m.tags], ['Keys', m.keys], ['Broker', m.brokerName],
    ['Queue', m.queueId], ['Queue offset', m.queueOffset], ['CommitLog offset', m.commitLogOffset], ['Born', time(m.bornTimestamp) + ' from ' + m.bornHost],
    ['Stored', time(m.storeTimestamp) + ' on ' + m.storeHost], ['Reconsume times', m.reconsumeTimes], ['Body length', m.bodyLength]];
  // the body is always put in with textContent, whichever view
  const body = el('pre', { class: 'body', id: 'msg-body', text: m.bodyText });
  const track = el('div', {}, [el('p', { class: 'muted', text: 'Asking the brokers...' })]);
  const trace = el('div', {}, [el('p', { class: 'muted', text: 'Looking for trace records...' })]);
  const view = el('select', { id: 'msg-body-view' }, [['text', 'text'], ['json', 'JSON (pretty)'], ['hex', 'hex']]
    .map(([v, t]) => el('option', { value: v, text: t })));
  view.addEventListener('change', () => { body.textContent = bodyAs(view.value, m); });
  holder.replaceChildren(el('h3', { text: 'Message ' + m.msgId }),
    table(['Field', 'Value'], fields, 'msg-fields'),
    el('h3', { text: 'Properties' }),
    table(['Name', 'Value'], Object.entries(m.properties || {}), 'msg-properties'),
    el('h3', { text: 'Body' + (m.bodyTruncated ? ' (truncated)' : '') }),
    el('form', {}, [el('label', { text: 'Show as ' }), view]),
    body,
    el('h3', { text: 'Consumed by' }), track,
    el('h3', { text: 'Trace' }), trace,
    resendForm(m));
  api('/api/messages/trace?msgId=' + encodeURIComponent(m.msgId))
    .then(list => trace.replaceChildren(list.length
      ? table(['Type', 'Group', 'Client', 'Time', 'Cost (ms)', 'Status'],
        list.map(t => [t.type, t.group, t.clientHost, time(t.timeStamp), t.costTimeMillis, t.status]), 'msg-trace')
      : el('p', { class: 'muted', text: 'No trace records: the clients did not have message tracing on (RMQ_SYS_TRACE_TOPIC).' })))
    .catch(e => trace.replaceChildren(errorBox(e)));
  api('/api/messages/track?topic=' + encodeURIComponent(m.topic) + '&msgId=' + encodeURIComponent(m.msgId))
    .then(list => track.replaceChildren(list.length
      ? table(['Group', 'State', 'Why'], list.map(t => [t.group, t.trackType, t.exceptionDesc]), 'msg-track')
      : el('p', { class: 'muted', text: 'No group consumes this topic.' })))
    .catch(e => track.replaceChildren(errorBox(e)));
}

function resendForm(m) {
  const groups = el('datalist', { id: 'resend-groups' });
  const group = el('input', { id: 'resend-group', placeholder: 'consumer group', list: 'resend-groups' });
  const status = el('span', { id: 'resend-status' });
  api('/api/topic/consumers?topic=' + encodeURIComponent(m.topic))
    .then(gs => groups.replaceChildren(...gs.map(g => el('option', { value: g })))).catch(() => {});
  const form = el('form', { id: 'resend-form', class: 'write' }, [el('strong', { text: 'Resend to group' }), groups, group,
    el('button', { id: 'resend-submit', type: 'submit', text: 'Resend' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const g = group.value.trim();
    if (!window.confirm('Have an online consumer of group "' + g + '" consume message ' + m.msgId + ' again?')) { return; }
    try {
      const r = await postJson('/api/messages/resend', { topic: m.topic, msgId: m.msgId, group: g });
      setStatus(status, r.consumeResult + ' by ' + r.clientId + (r.remark ? ' (' + r.remark + ')' : ''), r.consumeResult !== 'CR_SUCCESS');
    } catch (e) { setStatus(status, e.message, true); }
  });
  return form;
}

// ---- login (docs/console.md, "Login") ----
// With login off /api/me is 404 and the pages show as they always did. With it on, 401 shows the login form; a
// viewer's page hides the write forms (class "write"), which the server would refuse with 403 anyway.
async function checkLogin() {
  const resp = await fetch('/api/me');
  if (resp.status === 404) { return true; }
  if (resp.status === 401) { loginPage(); return false; }
  const me = await resp.json();
  if (!resp.ok) { throw new Error(me.error || ('HTTP ' + resp.status)); }
  document.body.classList.toggle('viewer', me.role !== 'admin');
  showWho(me);
  return true;
}

function showWho(me) {
  let who = document.getElementById('who');
  if (!who) { who = el('span', { id: 'who' }); document.querySelector('header').appendChild(who); }
  const logout = el('button', { id: 'logout', type: 'button', text: 'Log out' });
  logout.addEventListener('click', async () => {
    try { await postJson('/api/logout', {}); } catch (e) { /* the login form shows either way */ }
    loginPage();
  });
  who.replaceChildren(el('span', { id: 'who-user', text: me.user + ' (' + me.role + ')' }), logout);
}

function loginPage() {
  if (loggedOut()) { return; }
  clearTimeout(dashboardTimer);
  stopLive();
  const who = document.getElementById('who');
  if (who) { who.remove(); }
  document.body.classList.remove('viewer');
  const user = el('input', { id: 'login-user', placeholder: 'user', autocomplete: 'username', required: 'required' });
  const password = el('input', { id: 'login-password', type: 'password', placeholder: 'password', autocomplete: 'current-password', required: 'required' });
  const status = el('span', { id: 'login-status' });
  const form = el('form', { id: 'login-form' }, [el('strong', { text: 'Log in' }), user, password,
    el('button', { id: 'login-submit', type: 'submit', text: 'Log in' }), status]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await postJson('/api/login', { user: user.value, password: password.value });
      password.value = '';
      form.remove();
      await navigate();
    } catch (e) { setStatus(status, e.message, true); }
  });
  page().replaceChildren(form);
  document.body.setAttribute('data-page', 'login');
  user.focus();
}

// ---- navigation ----
const pages = { dashboard: dashboardPage, cluster: clusterPage, topics: topicsPage, consumers: consumersPage, producers: producersPage, messages: messagesPage };
async function navigate() {
  clearTimeout(dashboardTimer);
  stopLive();
  const name = (location.hash || '#dashboard').substring(1);
  const fn = pages[name] || dashboardPage;
  try { if (!(await checkLogin())) { return; } } catch (e) { show(errorBox(e)); return; }
  for (const a of document.querySelectorAll('nav a')) { a.classList.toggle('active', a.id === 'nav-' + name); }
  show(el('p', { class: 'muted', text: 'Loading...' }));
  try { await fn(); } catch (e) { show(errorBox(e)); }
  if (!loggedOut()) { document.body.setAttribute('data-page', name); }
}
window.addEventListener('hashchange', navigate);
window.addEventListener('DOMContentLoaded', navigate);
