/*
 * Parley agent console: signs in at /agent/session (an HttpOnly session
 * cookie, and a CSRF token kept in memory only), then, for agents and admins,
 * one WebSocket to /agent/ws?csrf=TOKEN (docs/PROTOCOL.md gives the JSON it
 * speaks). Trainers and admins get the Review view: the review inbox at
 * /api/admin/review and POST /api/admin/reload (docs/openapi.yaml). Everything
 * customers wrote is shown as text (textContent), never parsed as HTML.
 *
 * Its words come from a catalogue per language (en, zh-CN), chosen by the
 * page's <html lang>, which the server sets to the bot's language; the page's
 * own elements name their words with data-i18n (text), data-i18n-label
 * (aria-label) and data-i18n-placeholder. Numbers and dates use Intl.
 */
(function () {
  "use strict";

  var csrf = null, socket = null, retry = 0, me = null, role = null, reviewPage = 1;
  var queue = [], queueLength = 0, offers = new Set(), active = [], tickets = [], ticketCount = 0;
  var conversations = new Map(); // id -> { view, messages }
  var current = null, lastTyping = 0, typingTimer = null;

  var catalogues = {
    en: {
      pageTitle: "Parley — agent console", signinTitle: "Parley agent console", agentName: "Agent name",
      password: "Password", signIn: "Sign in", status: "Status", available: "Available", away: "Away",
      desk: "Desk", review: "Review",
      signOut: "Sign out", conversations: "Conversations", queue: "Queue", tickets: "Tickets",
      mine: "My conversations", withBot: "With the bot now", refresh: "Refresh",
      empty: "Take a conversation from the queue, or open one the bot is handling.", takeOver: "Take over",
      note: "Note", ticketNote: "What you wrote to the customer (kept with the conversation)",
      markAnswered: "Mark answered", outcome: "Outcome", resolved: "Resolved", unresolved: "Unresolved",
      spam: "Spam", followUp: "Follow-up needed", closeTicket: "Close ticket", reply: "Reply",
      replyPlaceholder: "Write to the customer… (Enter sends, Shift+Enter for a new line)",
      cannedLabel: "Canned replies", cannedPick: "Canned replies…",
      canned1: "Thanks for waiting! Let me look into this for you.",
      canned2: "Could you give me your order number, please?", canned3: "I've sent you an email with the details.",
      canned4: "Is there anything else I can help you with?", send: "Send", handBack: "Hand back to the bot",
      close: "Close", customer: "Customer", entities: "Entities", sentiment: "Sentiment",
      sentimentChart: "Sentiment of each customer message", previous: "Previous conversations",
      reconnecting: "Reconnecting…", sessionEnded: "Your session has ended; sign in again.",
      offered: "New conversation offered — Parley",
      outsideHours: "Outside office hours — escalations become tickets ({description}).",
      customerTyping: "The customer is typing…", me: "{name} ({n} of {capacity})", open: "Open",
      seconds: "{n} s", minutes: "{n} min", customerId: "Customer {id}", vip: "VIP",
      queueMeta: "#{position} · {reason} · waiting {waited}", askedAbout: "Asked about: {intents}",
      take: "Take", read: "Read", decline: "Decline", noTickets: "No open tickets.",
      ticketMeta: "{email} · {reason} · {waited} ago", writeTo: "Write to {email}", noEmail: "No email yet",
      noActive: "No conversations with the bot right now.", watch: "Watch", customerLeft: "customer left the chat",
      ticketWrite: "A ticket: write to {email}, then mark it answered.", ticketNoEmail: "A ticket: no email address yet.",
      bot: "Bot", agent: "Agent", name: "Name", email: "Email", phone: "Phone", id: "Id", yes: "yes", no: "no",
      channel: "Channel", noneYet: "None yet", trend: "Trend: {trend}", improving: "improving",
      worsening: "worsening", steady: "steady", oneMessage: "One message so far", noMessages: "No messages yet",
      none: "None",
      reviewInbox: "Review inbox", dashboard: "Dashboard", evaluationReport: "Evaluation report",
      reloadBot: "Reload the bot", reloading: "Reloading the bot…", pages: "Pages", previousPage: "Previous",
      nextPage: "Next",
      reviewHelp: "What the bot fell back on, answered unsure, or answered just before an agent took over, grouped " +
        "by similar words, biggest group first. Tick messages to act on those only; otherwise a decision takes " +
        "the whole group.",
      reviewSummary: "{messages} messages in {groups} groups", reviewLatest: " (the latest {window})",
      reviewPage: "Page {page} of {pages}", nothingToReview: "Nothing to review.",
      moreLikeThese: "and {n} more like these", existingIntent: "Existing intent", assign: "Assign",
      newIntent: "New intent…", outOfScope: "Out of scope", dismiss: "Dismiss", intentName: "Name (lower_case)",
      description: "Description", botReply: "The bot's reply", createIntent: "Create intent",
      messageCount: "{n} message", messagesCount: "{n} messages",
      assigned: "{count} added to {intent} ({files}). Reload the bot to put them live.",
      intentCreated: "New intent {intent} with {count} ({files}). Reload the bot to put it live.",
      markedOutOfScope: "{count} marked out of scope.", dismissed: "{count} dismissed.",
      codes: {}
    },
    "zh-CN": {
      pageTitle: "Parley 客服工作台", signinTitle: "Parley 客服工作台", agentName: "客服账号",
      password: "密码", signIn: "登录", status: "状态", available: "在线", away: "离开",
      desk: "工作台", review: "审核",
      signOut: "退出登录", conversations: "对话", queue: "排队", tickets: "工单",
      mine: "我的对话", withBot: "正在与机器人对话", refresh: "刷新",
      empty: "从排队中接入一个对话，或打开一个机器人正在处理的对话。", takeOver: "接管",
      note: "备注", ticketNote: "您回复客户的内容（随对话保存）",
      markAnswered: "标记为已回复", outcome: "结果", resolved: "已解决", unresolved: "未解决",
      spam: "垃圾信息", followUp: "需要跟进", closeTicket: "关闭工单", reply: "回复",
      replyPlaceholder: "回复客户…（Enter 发送，Shift+Enter 换行）",
      cannedLabel: "常用回复", cannedPick: "常用回复…",
      canned1: "感谢您的耐心等待！我来帮您查一下。",
      canned2: "请问您的订单号是多少？", canned3: "详细信息已经通过邮件发给您了。",
      canned4: "还有什么可以帮您的吗？", send: "发送", handBack: "转回机器人",
      close: "结束对话", customer: "客户", entities: "实体", sentiment: "情绪",
      sentimentChart: "客户每条消息的情绪", previous: "以往对话",
      reconnecting: "正在重新连接…", sessionEnded: "登录已失效，请重新登录。",
      offered: "有新的对话 — Parley",
      outsideHours: "非工作时间——转人工的对话会变成工单（{description}）。",
      customerTyping: "客户正在输入…", me: "{name}（{n}/{capacity}）", open: "打开",
      seconds: "{n} 秒", minutes: "{n} 分钟", customerId: "客户 {id}", vip: "VIP",
      queueMeta: "第 {position} 位 · {reason} · 已等待 {waited}", askedAbout: "咨询内容：{intents}",
      take: "接入", read: "查看", decline: "拒绝", noTickets: "没有待处理的工单。",
      ticketMeta: "{email} · {reason} · {waited}前", writeTo: "回复至 {email}", noEmail: "暂无邮箱",
      noActive: "目前没有与机器人进行中的对话。", watch: "旁观", customerLeft: "客户已离开",
      ticketWrite: "工单：请回复至 {email}，然后标记为已回复。", ticketNoEmail: "工单：暂无邮箱地址。",
      bot: "机器人", agent: "客服", name: "姓名", email: "邮箱", phone: "电话", id: "编号", yes: "是", no: "否",
      channel: "渠道", noneYet: "暂无", trend: "趋势：{trend}", improving: "好转",
      worsening: "变差", steady: "平稳", oneMessage: "目前只有一条消息", noMessages: "暂无消息",
      none: "无",
      reviewInbox: "审核收件箱", dashboard: "数据看板", evaluationReport: "评估报告",
      reloadBot: "重新加载机器人", reloading: "正在重新加载机器人…", pages: "分页", previousPage: "上一页",
      nextPage: "下一页",
      reviewHelp: "机器人没听懂、不太确定，或客服接管前最后回答的消息，按相近的词分组，大组在前。勾选消息只处理这些；" +
        "不勾选则处理整组。",
      reviewSummary: "{groups} 组，共 {messages} 条消息", reviewLatest: "（最近 {window} 条）",
      reviewPage: "第 {page} 页，共 {pages} 页", nothingToReview: "没有需要审核的消息。",
      moreLikeThese: "还有 {n} 条类似的消息", existingIntent: "已有意图", assign: "归入",
      newIntent: "新建意图…", outOfScope: "超出范围", dismiss: "忽略", intentName: "名称（小写英文）",
      description: "描述", botReply: "机器人的回复", createIntent: "创建意图",
      messageCount: "{n} 条消息", messagesCount: "{n} 条消息",
      assigned: "已将{count}归入 {intent}（{files}）。重新加载机器人后生效。",
      intentCreated: "已新建意图 {intent}，含{count}（{files}）。重新加载机器人后生效。",
      markedOutOfScope: "已将{count}标记为超出范围。", dismissed: "已忽略{count}。",
      // The server's codes (statuses, escalation rules, channels, sentiment labels, outcomes).
      codes: {
        bot: "机器人", queued: "排队中", with_agent: "人工服务中", ticket: "工单", closed: "已结束",
        negative: "负面", neutral: "中性", positive: "正面", web: "网页", line: "线路",
        resolved: "已解决", unresolved: "未解决", spam: "垃圾信息", follow_up: "需要跟进",
        vip_customer: "VIP 客户", negative_sentiment: "客户生气", negative_streak: "客户连续不满",
        handover_intent: "要求人工", human_request: "要求人工", repeated_fallback: "机器人没听懂",
        agent_takeover: "客服从机器人处接管", requeued: "再次等待客服",
        action_handover: "商店系统要求人工", action_failed: "商店系统没有响应",
        // A ticket's reason comes as English words.
        "outside office hours": "非工作时间", "nobody took it in time": "无人及时接入",
        // Why a message is in the review inbox.
        fallback: "没听懂", low_confidence: "不太确定", taken_over: "客服接管"
      }
    }
  };
  // Any Chinese gets the zh-CN catalogue; a language without one, English.
  var language = /^zh/i.test(document.documentElement.lang) ? "zh-CN" : "en";
  var words = catalogues[language];
  var numbers = new Intl.NumberFormat(language);
  var decimals = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var dates = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  document.documentElement.lang = language;

  /* The catalogue's text for key, with {name} replaced by values[name] (numbers formatted). */
  function t(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (_, name) {
      var value = values[name];
      return typeof value === "number" ? numbers.format(value) : String(value);
    });
  }

  /* A code from the server (status, reason, channel, label, outcome) in words; in English as it is, "_" as a space. */
  function code(value) { return words.codes[value] || String(value).replace(/_/g, " "); }

  function $(id) { return document.getElementById(id); }

  Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
    node.textContent = words[node.dataset.i18n];
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-label]"), function (node) {
    node.setAttribute("aria-label", words[node.dataset.i18nLabel]);
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-placeholder]"), function (node) {
    node.placeholder = words[node.dataset.i18nPlaceholder];
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(label, onClick, className) {
    var node = element("button", className || "", label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  /* An HTTP request with the session's cookie and CSRF token: its JSON answer, or its refusal's message. */
  function api(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (csrf) headers["X-CSRF-Token"] = csrf;
    return fetch(path, {
      method: method, headers: headers, credentials: "same-origin",
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 204) return {};
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var message = (json.error && json.error.message) ||
            [json.message].concat(json.errors || []).filter(Boolean).join("\n") || response.statusText;
          var error = new Error(message);
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function session(method, body) { return api(method, "/agent/session", body); }

  /* A session's answer: agents work the desk, trainers review, admins do both. */
  function enter(answer) {
    csrf = answer.csrf_token;
    role = answer.role;
    var desk = role !== "trainer", review = role !== "agent";
    $("desk-tab").hidden = $("review-tab").hidden = !(desk && review);
    $("status-label").hidden = !desk;
    if (desk) {
      connect();
    } else {
      $("me").textContent = answer.agent.name + " (trainer)";
      $("signin").hidden = true;
      $("console").hidden = false;
      showReview(true);
    }
  }

  /* Continues the cookie's session if there is one, otherwise asks to sign in;
     when the server cannot be reached, tries again later. */
  function start(message) {
    session("GET").then(enter, function (error) {
      if (error.status === 401) {
        csrf = null;
        showSignIn(message || "");
        return;
      }
      $("connection").textContent = words.reconnecting;
      retry = Math.min(retry + 1, 5);
      setTimeout(function () { start(message); }, 300 * Math.pow(2, retry));
    });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    if (socket) {
      var old = socket;
      socket = null;
      old.close();
    }
    var ws = new WebSocket(scheme + location.host + "/agent/ws?csrf=" + encodeURIComponent(csrf));
    socket = ws;
    ws.addEventListener("open", function () {
      retry = 0;
      $("connection").textContent = "";
    });
    ws.addEventListener("message", function (frame) {
      if (ws !== socket) return;
      var event;
      try { event = JSON.parse(frame.data); } catch (e) { return; }
      receive(event);
    });
    ws.addEventListener("close", function () {
      if (ws !== socket) return;
      socket = null;
      if (!csrf) return;
      $("connection").textContent = words.reconnecting;
      retry = Math.min(retry + 1, 5);
      setTimeout(function () { start(words.sessionEnded); }, 300 * Math.pow(2, retry));
    });
  }

  // MARK: the review inbox (trainers and admins)

  function showReview(on) {
    $("console").classList.toggle("reviewing", on);
    $("review").hidden = !on;
    $("review-tab").classList.toggle("current", on);
    $("desk-tab").classList.toggle("current", !on);
    if (on) loadReview();
  }

  function loadReview() {
    api("GET", "/api/admin/review?limit=20&page=" + reviewPage).then(renderReview, function (error) {
      $("review-status").textContent = error.message;
    });
  }

  function day(date) { return String(date).slice(0, 10); }

  function renderReview(page) {
    var list = $("review-groups");
    list.textContent = "";
    $("review-summary").textContent = t("reviewSummary", { messages: page.messages_total, groups: page.groups_total }) +
      (page.truncated ? t("reviewLatest", { window: page.window }) : "");
    $("review-page").textContent = t("reviewPage", {
      page: page.page, pages: Math.max(1, Math.ceil(page.groups_total / page.limit))
    });
    $("review-prev").disabled = page.page <= 1;
    $("review-next").disabled = page.page * page.limit >= page.groups_total;
    if (!page.groups.length) list.appendChild(element("li", "empty", t("nothingToReview")));
    page.groups.forEach(function (group) { list.appendChild(renderGroup(group)); });
  }

  /* One group: its messages (tick some to act on those only) and the four decisions. */
  function renderGroup(group) {
    var item = element("li", "group");
    var head = element("div", "line");
    head.appendChild(element("span", "count", group.count));
    head.appendChild(element("span", "name", group.label));
    var reasons = Object.keys(group.reasons).sort().map(function (key) {
      return code(key) + " " + numbers.format(group.reasons[key]);
    }).join(", ");
    head.appendChild(element("span", "meta", reasons + " · " + day(group.first) + " – " + day(group.last)));
    item.appendChild(head);
    var messages = element("ul", "plain review-messages"), boxes = [];
    group.messages.slice(0, 20).forEach(function (message) {
      var row = element("li"), label = element("label"), box = element("input");
      box.type = "checkbox";
      box.value = message.id;
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + message.text));
      row.appendChild(label);
      messages.appendChild(row);
    });
    if (group.messages.length > 20) {
      messages.appendChild(element("li", "muted", t("moreLikeThese", { n: group.messages.length - 20 })));
    }
    item.appendChild(messages);
    function chosen() {
      var ids = boxes.filter(function (box) { return box.checked; }).map(function (box) { return Number(box.value); });
      return ids.length ? ids : group.messages.map(function (message) { return message.id; });
    }
    var actions = element("div", "review-actions");
    var intent = element("input");
    intent.placeholder = t("existingIntent");
    intent.setAttribute("aria-label", t("existingIntent"));
    actions.appendChild(intent);
    actions.appendChild(button(t("assign"), function () {
      decide("assign", { message_ids: chosen(), intent: intent.value.trim() });
    }));
    var create = element("form", "new-intent");
    create.hidden = true;
    actions.appendChild(button(t("newIntent"), function () { create.hidden = !create.hidden; }, "secondary"));
    actions.appendChild(button(t("outOfScope"), function () {
      decide("out-of-scope", { message_ids: chosen() });
    }, "secondary"));
    actions.appendChild(button(t("dismiss"), function () { decide("dismiss", { message_ids: chosen() }); }, "secondary"));
    item.appendChild(actions);
    [["intent", t("intentName")], ["description", t("description")], ["reply", t("botReply")]].forEach(function (field) {
      var input = element("input");
      input.name = field[0];
      input.placeholder = field[1];
      input.setAttribute("aria-label", field[1]);
      input.required = true;
      create.appendChild(input);
    });
    var submit = element("button", "", t("createIntent"));
    submit.type = "submit";
    create.appendChild(submit);
    create.addEventListener("submit", function (event) {
      event.preventDefault();
      decide("intents", {
        message_ids: chosen(), intent: create.elements.intent.value.trim(),
        description: create.elements.description.value.trim(), reply: create.elements.reply.value.trim()
      });
    });
    item.appendChild(create);
    return item;
  }

  function decide(action, body) {
    $("review-status").textContent = "…";
    api("POST", "/api/admin/review/" + action, body).then(function (outcome) {
      var files = outcome.files.map(function (file) { return file.path.split("/").slice(-2).join("/"); });
      var n = outcome.message_ids.length;
      var values = { count: t(n === 1 ? "messageCount" : "messagesCount", { n: n }), intent: outcome.intent, files: files.join(", ") };
      $("review-status").textContent = t({
        assigned: "assigned", new_intent: "intentCreated", out_of_scope: "markedOutOfScope", dismissed: "dismissed"
      }[outcome.decision], values);
      loadReview();
    }, function (error) {
      $("review-status").textContent = error.message;
    });
  }

  function showSignIn(message) {
    $("console").hidden = true;
    $("signin").hidden = false;
    $("signin").querySelector(".error").textContent = message;
    $("signin").elements.agent.focus();
  }

  function receive(event) {
    switch (event.type) {
      case "signed_in":
        me = event.agent;
        $("signin").hidden = true;
        $("console").hidden = false;
        renderMe();
        send({ type: "active" });
        send({ type: "tickets" });
        (me.conversations || []).forEach(function (id) { send({ type: "open", conversation_id: id }); });
        break;
      case "signed_out":
        location.reload();
        break;
      case "agent":
        me = event.agent;
        renderMe();
        renderView();
        break;
      case "queue":
        queue = event.queue || [];
        queueLength = event.queue_length || queue.length;
        var waiting = new Set(queue.map(function (item) { return item.conversation_id; }));
        offers.forEach(function (id) { if (!waiting.has(id)) offers.delete(id); });
        renderQueue();
        break;
      case "offer":
        offers.add(event.conversation_id);
        renderQueue();
        document.title = words.offered;
        break;
      case "active":
        active = event.conversations || [];
        renderActive();
        break;
      case "tickets":
        tickets = event.tickets || [];
        ticketCount = event.count || tickets.length;
        renderTickets();
        // A ticket that left the list was answered or closed (or the customer is waiting for a person again).
        var stillOpen = new Set(tickets.map(function (ticket) { return ticket.conversation_id; }));
        conversations.forEach(function (open, id) {
          if (open.view.conversation.status === "ticket" && !stillOpen.has(id) && ticketCount <= tickets.length) {
            updateStatus(id, "closed", null);
          }
        });
        break;
      case "office_hours":
        $("hours").hidden = event.open;
        $("hours").textContent = event.open ? "" : t("outsideHours", { description: event.description });
        break;
      case "conversation":
        conversations.set(event.conversation_id, { view: event.view, messages: event.view.messages.slice() });
        select(event.conversation_id);
        break;
      case "message":
        var open = conversations.get(event.conversation_id);
        if (!open) break;
        open.messages.push(event.entry);
        if (event.conversation_id === current) {
          $("transcript").appendChild(messageItem(event.entry, open.view));
          scrollDown();
          renderProfile(open);
          $("customer-typing").textContent = "";
        }
        break;
      case "typing":
        if (event.conversation_id !== current) break;
        $("customer-typing").textContent = words.customerTyping;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { $("customer-typing").textContent = ""; }, 4000);
        break;
      case "presence":
        var watched = conversations.get(event.conversation_id);
        if (!watched) break;
        watched.view.customer_online = event.online;
        if (event.conversation_id === current) renderView();
        break;
      case "taken":
        offers.delete(event.conversation_id);
        updateStatus(event.conversation_id, "with_agent", event.agent_id);
        renderQueue();
        break;
      case "released":
        updateStatus(event.conversation_id, event.outcome === "closed" ? "closed" : "bot", null);
        send({ type: "active" });
        break;
      case "error":
        if (event.code === "session_expired" || event.code === "unauthorized") {
          csrf = null;
          if (socket) socket.close();
          showSignIn(event.message);
        } else {
          $("connection").textContent = event.message;
          setTimeout(function () { $("connection").textContent = ""; }, 6000);
        }
        break;
    }
  }

  function updateStatus(id, status, agentId) {
    var open = conversations.get(id);
    if (!open) return;
    open.view.conversation.status = status;
    open.view.conversation.assigned_agent_id = agentId;
    if (id === current) renderView();
  }

  function renderMe() {
    $("me").textContent = t("me", { name: me.name, n: me.conversations.length, capacity: me.capacity });
    $("status").value = me.status === "away" ? "away" : "available";
    var list = $("mine");
    list.textContent = "";
    me.conversations.forEach(function (id) {
      var open = conversations.get(id);
      var item = element("li", id === current ? "current" : "");
      var line = element("div", "line");
      line.appendChild(element("span", "name", open ? customerName(open.view) : id.slice(0, 8)));
      line.appendChild(button(words.open, function () { openConversation(id); }, "small"));
      item.appendChild(line);
      list.appendChild(item);
    });
  }

  function waited(since) {
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
    return seconds < 60 ? t("seconds", { n: seconds }) : t("minutes", { n: Math.round(seconds / 60) });
  }

  function renderQueue() {
    $("queue-count").textContent = String(queueLength);
    var list = $("queue");
    list.textContent = "";
    queue.forEach(function (entry) {
      var id = entry.conversation_id;
      var item = element("li", offers.has(id) ? "offered" : "");
      item.dataset.conversation = id;
      var line = element("div", "line");
      line.appendChild(element("span", "name", entry.customer_name || t("customerId", { id: entry.customer_id.slice(0, 6) })));
      if (entry.vip) line.appendChild(element("span", "vip", words.vip));
      item.appendChild(line);
      item.appendChild(element("div", "meta", t("queueMeta", { position: entry.position, reason: words.codes[entry.rule] || entry.reason, waited: waited(entry.queued_at) })));
      var summary = entry.summary || {};
      if (summary.intents && summary.intents.length) item.appendChild(element("div", "meta", t("askedAbout", { intents: summary.intents.join(", ") })));
      if (summary.last_message) item.appendChild(element("div", "meta", "“" + summary.last_message + "”"));
      var buttons = element("div", "buttons");
      buttons.appendChild(button(words.take, function () { send({ type: "take", conversation_id: id }); }));
      buttons.appendChild(button(words.read, function () { openConversation(id); }, "secondary"));
      if (offers.has(id)) buttons.appendChild(button(words.decline, function () {
        offers.delete(id);
        send({ type: "decline", conversation_id: id });
        renderQueue();
      }, "secondary"));
      item.appendChild(buttons);
      list.appendChild(item);
    });
    if (!offers.size) document.title = words.pageTitle;
  }

  function renderTickets() {
    $("tickets-count").textContent = String(ticketCount);
    var list = $("tickets");
    list.textContent = "";
    if (!tickets.length) list.appendChild(element("li", "meta", words.noTickets));
    tickets.forEach(function (ticket) {
      var id = ticket.conversation_id;
      var item = element("li");
      item.dataset.conversation = id;
      var line = element("div", "line");
      line.appendChild(element("span", "name", ticket.customer_name || ticket.email || t("customerId", { id: ticket.customer_id.slice(0, 6) })));
      item.appendChild(line);
      item.appendChild(element("div", "meta", t("ticketMeta", {
        email: ticket.email ? t("writeTo", { email: ticket.email }) : words.noEmail,
        reason: words.codes[ticket.reason] || ticket.reason, waited: waited(ticket.ticket_at)
      })));
      var summary = ticket.summary || {};
      if (summary.last_message) item.appendChild(element("div", "meta", "“" + summary.last_message + "”"));
      var buttons = element("div", "buttons");
      buttons.appendChild(button(words.open, function () { openConversation(id); }, "secondary"));
      item.appendChild(buttons);
      list.appendChild(item);
    });
  }

  function renderActive() {
    var list = $("active");
    list.textContent = "";
    if (!active.length) list.appendChild(element("li", "meta", words.noActive));
    active.forEach(function (conversation) {
      var id = conversation.id;
      var item = element("li");
      var line = element("div", "line");
      line.appendChild(element("span", "name", t("customerId", { id: conversation.customer_id.slice(0, 6) })));
      line.appendChild(element("span", "meta", code(conversation.channel)));
      item.appendChild(line);
      var buttons = element("div", "buttons");
      buttons.appendChild(button(words.watch, function () { openConversation(id); }, "secondary"));
      buttons.appendChild(button(words.takeOver, function () { send({ type: "take", conversation_id: id }); }));
      item.appendChild(buttons);
      list.appendChild(item);
    });
  }

  function openConversation(id) {
    if (conversations.has(id)) select(id);
    else send({ type: "open", conversation_id: id });
  }

  function select(id) {
    current = id;
    renderView();
    renderMe();
  }

  function customerName(view) {
    var customer = view.customer || {};
    return customer.name || customer.email || t("customerId", { id: view.conversation.customer_id.slice(0, 6) });
  }

  function mine(view) {
    return me && view.conversation.status === "with_agent" && view.conversation.assigned_agent_id === me.id;
  }

  function renderView() {
    var open = current && conversations.get(current);
    $("empty").hidden = !!open;
    $("view").hidden = !open;
    if (!open) return;
    var view = open.view;
    $("view-title").textContent = customerName(view);
    $("view-status").textContent = code(view.conversation.status) +
      (view.customer_online === false ? " · " + words.customerLeft : "");
    var owned = mine(view);
    var ticket = view.conversation.status === "ticket";
    $("take").hidden = owned || ticket || view.conversation.status === "closed";
    $("composer").hidden = ticket;
    $("ticket").hidden = !ticket;
    if (ticket) {
      var listed = tickets.filter(function (t) { return t.conversation_id === current; })[0];
      var email = view.conversation.ticket_email || (listed && listed.email) || (view.customer || {}).email;
      $("ticket-email").textContent = email ? t("ticketWrite", { email: email }) : words.ticketNoEmail;
    }
    Array.prototype.forEach.call($("composer").elements, function (control) { control.disabled = !owned; });
    var list = $("transcript");
    list.textContent = "";
    open.messages.forEach(function (message) { list.appendChild(messageItem(message, view)); });
    scrollDown();
    renderProfile(open);
  }

  function messageItem(message, view) {
    var item = element("li", message.sender);
    var who = message.sender === "customer" ? customerName(view)
      : message.sender === "bot" ? words.bot : message.sender === "agent" ? (message.agent_id || words.agent) : "";
    if (who) item.appendChild(element("span", "who", who));
    item.appendChild(document.createTextNode(message.text));
    var notes = [];
    var confidence = message.confidence !== undefined && message.confidence !== null ? message.confidence
      : message.scores && message.scores.confidence;
    if (message.intent) notes.push(message.intent + (confidence !== undefined ? " " + decimals.format(Number(confidence)) : ""));
    if (message.sender === "customer" && message.sentiment_label) notes.push(code(message.sentiment_label) + " " + decimals.format(Number(message.sentiment_score || 0)));
    if (message.sender === "bot" && message.action) notes.push(message.action);
    if (notes.length) item.appendChild(element("span", "note", notes.join(" · ")));
    return item;
  }

  function scrollDown() {
    var list = $("transcript");
    list.scrollTop = list.scrollHeight;
  }

  function renderProfile(open) {
    var view = open.view, customer = view.customer || {};
    var details = $("customer");
    details.textContent = "";
    [[words.name, customer.name], [words.email, customer.email], [words.phone, customer.phone],
      [words.id, view.conversation.customer_id], [words.vip, customer.vip ? words.yes : words.no],
      [words.channel, code(view.conversation.channel)]].forEach(function (pair) {
      if (!pair[1]) return;
      details.appendChild(element("dt", "", pair[0]));
      details.appendChild(element("dd", "", pair[1]));
    });
    var entities = {}, scores = [];
    open.messages.forEach(function (message) {
      if (message.sender !== "customer") return;
      (message.entities || []).forEach(function (entity) { entities[entity.type] = entity.text; });
      if (typeof message.sentiment_score === "number") scores.push(message.sentiment_score);
    });
    var list = $("entities");
    list.textContent = "";
    Object.keys(entities).sort().forEach(function (type) {
      list.appendChild(element("dt", "", type));
      list.appendChild(element("dd", "", entities[type]));
    });
    if (!Object.keys(entities).length) list.appendChild(element("dd", "muted", words.noneYet));
    var chart = $("sentiment");
    chart.textContent = "";
    scores.forEach(function (score) {
      var bar = element("span", score >= 0 ? "up" : "down");
      bar.style.height = Math.max(2, Math.round(Math.abs(score) * 28)) + "px";
      bar.title = decimals.format(score);
      chart.appendChild(bar);
    });
    $("trend").textContent = scores.length > 1 ? t("trend", { trend: trend(scores) })
      : scores.length ? words.oneMessage : words.noMessages;
    var previous = $("previous");
    previous.textContent = "";
    (view.previous || []).forEach(function (conversation) {
      previous.appendChild(element("li", "", dates.format(new Date(conversation.started_at)) + " · " +
        code(conversation.channel) + " · " + code(conversation.status) +
        (conversation.outcome ? " (" + code(conversation.outcome) + ")" : "")));
    });
    if (!(view.previous || []).length) previous.appendChild(element("li", "muted", words.none));
  }

  function trend(scores) {
    var half = Math.floor(scores.length / 2);
    var mean = function (values) { return values.reduce(function (a, b) { return a + b; }, 0) / values.length; };
    var change = mean(scores.slice(half)) - mean(scores.slice(0, half));
    return change > 0.2 ? words.improving : change < -0.2 ? words.worsening : words.steady;
  }

  $("signin").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var credentials = { agent: form.elements.agent.value.trim(), password: form.elements.password.value };
    form.elements.password.value = "";
    var submit = form.querySelector("button");
    if (submit) submit.disabled = true;
    session("POST", credentials).then(enter, function (error) { showSignIn(error.message); }).then(function () {
      if (submit) submit.disabled = false;
    });
  });
  $("signout").addEventListener("click", function () {
    session("DELETE").then(function () {
      csrf = null;
      location.reload();
    }, function (error) {
      if (error.status === 401) {
        csrf = null;
        location.reload();
      } else {
        $("connection").textContent = error.message;
      }
    });
  });
  $("status").addEventListener("change", function (event) { send({ type: "status", status: event.target.value }); });
  $("refresh-active").addEventListener("click", function () { send({ type: "active" }); });
  $("take").addEventListener("click", function () { if (current) send({ type: "take", conversation_id: current }); });
  $("handback").addEventListener("click", function () { if (current) send({ type: "handback", conversation_id: current }); });
  $("close").addEventListener("click", function () {
    if (current) send({ type: "close", conversation_id: current, outcome: $("outcome").value });
  });
  $("ticket").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!current) return;
    send({ type: "answer", conversation_id: current, note: $("ticket-note").value.trim() });
    $("ticket-note").value = "";
  });
  $("close-ticket").addEventListener("click", function () {
    if (current) send({ type: "close", conversation_id: current, outcome: $("ticket-outcome").value });
  });
  $("canned").addEventListener("change", function (event) {
    if (!event.target.value) return;
    $("reply").value = event.target.value;
    event.target.value = "";
    $("reply").focus();
  });
  $("composer").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = $("reply").value.trim();
    if (!text || !current) return;
    send({ type: "say", conversation_id: current, text: text });
    $("reply").value = "";
  });
  $("reply").addEventListener("keydown", function (event) {
    // Enter while an input method is composing (Chinese, Japanese, Korean) picks the candidate, it does not send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("reply").addEventListener("input", function () {
    var now = Date.now();
    if (current && now - lastTyping > 2000) {
      lastTyping = now;
      send({ type: "typing", conversation_id: current });
    }
  });
  $("desk-tab").addEventListener("click", function () { showReview(false); });
  $("review-tab").addEventListener("click", function () { showReview(true); });
  $("review-refresh").addEventListener("click", loadReview);
  $("review-prev").addEventListener("click", function () { reviewPage = Math.max(1, reviewPage - 1); loadReview(); });
  $("review-next").addEventListener("click", function () { reviewPage += 1; loadReview(); });
  $("bot-reload").addEventListener("click", function () {
    $("bot-reload").disabled = true;
    $("review-status").textContent = t("reloading");
    api("POST", "/api/admin/reload", {}).then(function (answer) {
      $("review-status").textContent = answer.message;
    }, function (error) {
      $("review-status").textContent = error.message;
    }).then(function () { $("bot-reload").disabled = false; });
  });
  setInterval(function () { if (me) send({ type: "active" }); }, 15000);
  setInterval(function () { if (queue.length) renderQueue(); }, 10000);

  start("");
})();
