/*
 * Parley chat widget. Embed with one tag:
 *
 *   <script src="https://support.example.com/widget.js" defer
 *           data-title="Help" data-color="#2f6fed" data-position="right"
 *           data-greeting="Questions about an order? Ask here."></script>
 *
 * A signed-in shop customer is named by data-customer-id with
 * data-identity-hash (hex HMAC-SHA256 of the id under the server's
 * identity_secret, computed by the shop's backend), and optionally
 * data-customer-name and data-customer-email. Without a valid hash the
 * conversation is anonymous.
 *
 * Its words come from a catalogue per language (en, zh-CN): data-lang="zh-CN"
 * chooses one, otherwise the bot's language, which the server writes into
 * serverLanguage below when it serves this file. Numbers are formatted for it.
 *
 * Everything lives in a shadow root, so the host page's styles and the
 * widget's never meet. Text from the server is only ever set as text, never
 * parsed as HTML. The conversation survives reloads and reconnects by itself.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__parleyWidget) return;
  window.__parleyWidget = true;

  var serverLanguage = "en";
  var catalogues = {
    en: {
      title: "Chat with us", human: "Talk to a person", close: "Close chat", rate: "How did we do?",
      message: "Message", placeholder: "Type your message…", send: "Send", stars: "{n} of 5",
      reconnecting: "Reconnecting…", queued: "Waiting for a person…", withAgent: "You are talking with a person.",
      ticket: "A person will answer you by email.", agent: "Agent",
      position: "Waiting for a person — you are number {n} in the queue.",
      talkingWith: "You are talking with {agent}.", aPerson: "a person", joined: "{agent} joined the conversation",
      somePerson: "A person", leftQueued: "The agent left; waiting for another person.",
      handedBack: "{agent} handed you back to the assistant.", theAgent: "The agent", typing: "{who} is typing…",
      someone: "Someone", ended: "This conversation has ended.", closed: "Conversation closed",
      thanks: "Thank you for your rating!", wrong: "Something went wrong."
    },
    "zh-CN": {
      title: "在线客服", human: "转人工", close: "关闭对话", rate: "您对本次服务满意吗？",
      message: "消息", placeholder: "请输入消息…", send: "发送", stars: "{n} 星（满分 5 星）",
      reconnecting: "正在重新连接…", queued: "正在等待人工客服…", withAgent: "人工客服正在为您服务。",
      ticket: "客服会通过邮件回复您。", agent: "客服",
      position: "正在等待人工客服，您排在第 {n} 位。",
      talkingWith: "{agent} 正在为您服务。", aPerson: "人工客服", joined: "{agent} 加入了对话",
      somePerson: "人工客服", leftQueued: "客服已离开，正在为您等待其他客服。",
      handedBack: "{agent} 已将您转回智能助手。", theAgent: "客服", typing: "{who} 正在输入…",
      someone: "对方", ended: "本次对话已结束。", closed: "对话已关闭",
      thanks: "感谢您的评价！", wrong: "出错了，请稍后再试。"
    }
  };
  var data = script.dataset;
  // Any Chinese gets the zh-CN catalogue; a language without one, English.
  var language = /^zh/i.test(data.lang || serverLanguage) ? "zh-CN" : "en";
  var words = catalogues[language];
  var numbers = new Intl.NumberFormat(language);
  /* The catalogue's text for key, with {name} replaced by values[name] (numbers formatted). */
  function t(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (_, name) {
      var value = values[name];
      return typeof value === "number" ? numbers.format(value) : String(value);
    });
  }

  var origin = new URL(script.src, location.href);
  var config = {
    title: data.title || words.title,
    color: /^#[0-9a-fA-F]{3,8}$/.test(data.color || "") ? data.color : "#2f6fed",
    greeting: data.greeting || "",
    position: data.position === "left" ? "left" : "right",
    socket: (origin.protocol === "https:" ? "wss://" : "ws://") + origin.host + "/ws",
    open: data.open === "true",
    customer: data.customerId ? {
      id: data.customerId, identity_hash: data.identityHash || undefined,
      name: data.customerName || undefined, email: data.customerEmail || undefined
    } : undefined
  };
  var storageKey = "parley:" + origin.host;

  var css = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
    ".launcher{position:fixed;bottom:20px;" + config.position + ":20px;z-index:2147483000;border:0;border-radius:28px;",
    "padding:14px 20px;background:var(--c);color:#fff;font-size:15px;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}",
    ".panel{position:fixed;bottom:84px;" + config.position + ":20px;z-index:2147483000;width:min(370px,calc(100vw - 24px));",
    "height:min(560px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;color:#1d2330;",
    "border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.25);overflow:hidden;font-size:15px;line-height:1.4}",
    ".panel[hidden]{display:none}",
    "header{background:var(--c);color:#fff;padding:12px 14px;display:flex;align-items:center;gap:8px}",
    "header h2{flex:1;margin:0;font-size:16px}",
    "header button{background:transparent;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:6px;padding:4px 8px;cursor:pointer;font-size:13px}",
    ".status{padding:6px 14px;font-size:13px;background:#f1f4fa;color:#394150;min-height:0}",
    ".status:empty{display:none}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}",
    ".msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}",
    ".msg.customer{align-self:flex-end;background:var(--c);color:#fff;border-bottom-right-radius:3px}",
    ".msg.bot,.msg.agent{align-self:flex-start;background:#eef1f6;border-bottom-left-radius:3px}",
    ".msg.agent{background:#e6f4ea}",
    ".msg .who{display:block;font-size:11px;font-weight:600;color:#5a6475;margin-bottom:2px}",
    ".note{align-self:center;font-size:12px;color:#5a6475;text-align:center}",
    ".quick{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}",
    ".quick button{border:1px solid var(--c);color:var(--c);background:#fff;border-radius:16px;padding:5px 11px;cursor:pointer;font-size:13px}",
    ".typing{padding:0 14px 6px;font-size:12px;color:#5a6475;font-style:italic}",
    ".typing:empty{display:none}",
    "form{display:flex;gap:8px;border-top:1px solid #e3e7ee;padding:10px}",
    "textarea{flex:1;resize:none;border:1px solid #c9d0db;border-radius:8px;padding:8px;font-size:15px;height:42px;color:#1d2330;background:#fff}",
    "form button{border:0;border-radius:8px;background:var(--c);color:#fff;padding:0 14px;font-weight:600;cursor:pointer}",
    ".rating{padding:10px 12px;border-top:1px solid #e3e7ee;text-align:center;font-size:14px}",
    ".rating[hidden]{display:none}",
    ".rating button{font-size:22px;background:none;border:0;cursor:pointer;color:#b8bfcc;padding:2px}",
    ".rating button:hover,.rating button:focus-visible{color:#f5a623}",
    "@media (max-width:480px){.panel{bottom:0;left:0;right:0;width:100vw;height:100dvh;border-radius:0}}"
  ].join("\n");

  var host = document.createElement("div");
  host.setAttribute("data-parley", "widget");
  host.setAttribute("lang", language);
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style></style>" +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="parley-panel"></button>' +
    '<section class="panel" id="parley-panel" role="dialog" aria-label="" hidden>' +
    '<header><h2></h2><button type="button" class="human"></button>' +
    '<button type="button" class="close">✕</button></header>' +
    '<div class="status" role="status" aria-live="polite"></div>' +
    '<div class="log" role="log" aria-live="polite" tabindex="0"></div>' +
    '<div class="typing" aria-live="polite"></div>' +
    '<div class="quick"></div>' +
    '<div class="rating" hidden><p></p></div>' +
    '<form><label hidden for="parley-input"></label>' +
    '<textarea id="parley-input" rows="1" maxlength="4000"></textarea>' +
    '<button type="submit"></button></form></section>';
  root.host.style.setProperty("--c", config.color);

  var $ = function (selector) { return root.querySelector(selector); };
  $("style").textContent = css;
  var launcher = $(".launcher"), panel = $(".panel"), log = $(".log"), status = $(".status");
  var typing = $(".typing"), quick = $(".quick"), rating = $(".rating"), input = $("textarea");
  launcher.textContent = config.title;
  $("h2").textContent = config.title;
  panel.setAttribute("aria-label", config.title);
  $(".human").textContent = words.human;
  $(".close").setAttribute("aria-label", words.close);
  $(".rating p").textContent = words.rate;
  $("label").textContent = words.message;
  input.placeholder = words.placeholder;
  $("form button").textContent = words.send;
  for (var score = 1; score <= 5; score++) {
    var star = document.createElement("button");
    star.type = "button";
    star.textContent = "★";
    star.setAttribute("aria-label", t("stars", { n: score }));
    star.dataset.score = String(score);
    rating.appendChild(star);
  }

  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(storageKey) || "{}"); } catch (e) { saved = {}; }
  var socket = null, retry = 0, pending = [], lastTyping = 0, typingTimer = null, started = false;
  // Whether the customer waits for a person (the status line says so).
  var waitingForPerson = false;
  // The last bot or agent message shown on this page: a reconnect asks for what came after it
  // (after a reload, 0: the conversation's replies so far are shown again).
  var lastShown = 0;

  function save() {
    try { localStorage.setItem(storageKey, JSON.stringify(saved)); } catch (e) { /* private mode */ }
  }

  function add(kind, text, who) {
    var item = document.createElement("div");
    item.className = kind === "note" ? "note" : "msg " + kind;
    if (who) {
      var label = document.createElement("span");
      label.className = "who";
      label.textContent = who;
      item.appendChild(label);
    }
    item.appendChild(document.createTextNode(text));
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function setQuickReplies(replies) {
    quick.textContent = "";
    (replies || []).forEach(function (text) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.addEventListener("click", function () { sendText(text); });
      quick.appendChild(button);
    });
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else pending.push(message);
  }

  function sendText(text) {
    text = text.trim();
    if (!text) return;
    add("customer", text);
    setQuickReplies([]);
    send({ type: "message", text: text });
  }

  function connect() {
    socket = new WebSocket(config.socket);
    socket.addEventListener("open", function () {
      retry = 0;
      var hello = { type: "hello" };
      if (saved.conversation && saved.token) {
        hello.conversation_id = saved.conversation;
        hello.conversation_token = saved.token;
        hello.last_message_id = lastShown;
      } else if (config.customer) {
        hello.customer = config.customer;
      }
      socket.send(JSON.stringify(hello));
      while (pending.length) socket.send(JSON.stringify(pending.shift()));
    });
    socket.addEventListener("message", function (frame) {
      var event;
      try { event = JSON.parse(frame.data); } catch (e) { return; }
      receive(event);
    });
    socket.addEventListener("close", function () {
      socket = null;
      status.textContent = words.reconnecting;
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * Math.pow(2, retry));
    });
  }

  function receive(event) {
    switch (event.type) {
      case "welcome":
        if (saved.conversation !== event.conversation_id) {
          saved = { conversation: event.conversation_id, token: event.conversation_token };
          log.textContent = "";
          if (config.greeting) add("note", config.greeting);
        }
        save();
        waitingForPerson = event.status === "queued";
        status.textContent = event.status === "queued" ? words.queued
          : event.status === "with_agent" ? words.withAgent
          : event.status === "ticket" ? words.ticket : "";
        break;
      case "reply":
        if (event.id && event.id <= lastShown) return;
        if (event.id) lastShown = event.id;
        typing.textContent = "";
        add(event.from === "agent" ? "agent" : "bot", event.text || "", event.from === "agent" ? (event.agent || words.agent) : null);
        // The bot speaks again while the customer waited: nobody took the conversation (it became a ticket).
        if (event.from === "bot" && (event.action === "out_of_hours" || waitingForPerson)) {
          waitingForPerson = false;
          status.textContent = words.ticket;
        }
        setQuickReplies(event.quick_replies);
        break;
      case "received":
        break;
      case "waiting":
        waitingForPerson = true;
        status.textContent = t("position", { n: event.position });
        break;
      case "agent_joined":
        waitingForPerson = false;
        status.textContent = t("talkingWith", { agent: event.agent || words.aPerson });
        add("note", t("joined", { agent: event.agent || words.somePerson }));
        break;
      case "agent_left":
        waitingForPerson = event.status === "queued";
        status.textContent = event.status === "queued" ? words.queued : "";
        add("note", event.status === "queued" ? words.leftQueued
          : t("handedBack", { agent: event.agent || words.theAgent }));
        break;
      case "typing":
        typing.textContent = t("typing", { who: event.agent || words.someone });
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
        break;
      case "closed":
        waitingForPerson = false;
        status.textContent = words.ended;
        add("note", words.closed);
        rating.hidden = false;
        saved = {};
        save();
        break;
      case "rated":
        rating.textContent = words.thanks;
        break;
      case "error":
        if (event.code === "unknown_conversation") {
          saved = {};
          save();
          send(config.customer ? { type: "hello", customer: config.customer } : { type: "hello" });
        } else {
          // The server's messages are English: another language gets its catalogue's word.
          add("note", language === "en" && event.message ? event.message : words.wrong);
        }
        break;
    }
  }

  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      if (!started) { started = true; connect(); }
      input.focus();
    } else {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () { toggle(panel.hidden); });
  $(".close").addEventListener("click", function () { toggle(false); });
  $(".human").addEventListener("click", function () { send({ type: "human" }); });
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") toggle(false); });
  rating.addEventListener("click", function (event) {
    var score = event.target && event.target.dataset && event.target.dataset.score;
    if (score) send({ type: "rating", score: Number(score) });
  });
  $("form").addEventListener("submit", function (event) {
    event.preventDefault();
    sendText(input.value);
    input.value = "";
  });
  input.addEventListener("keydown", function (event) {
    // Enter while an input method is composing (Chinese, Japanese, Korean) picks the candidate, it does not send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      $("form").requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    var now = Date.now();
    if (now - lastTyping > 2000 && socket && socket.readyState === WebSocket.OPEN) {
      lastTyping = now;
      send({ type: "typing" });
    }
  });

  document.body.appendChild(host);
  if (config.open || saved.conversation) toggle(true);
})();
