#!/usr/bin/env python3
"""Browser test: the customer widget and the agent console in headless Chromium.

A customer opens the demo page, chats with the bot, sends HTML as text and asks
for a person; an agent signs in to the console in a second browser, takes the
conversation, replies; the customer sees it; the agent hands back and the bot
answers again. Neither page ever turns customer text into HTML. A trainer signs
in to the console's Review view, turns a question the bot fell back on into a
new intent with a reply and reloads the bot: the customer's same question is
answered by it within 30 s; screenshots of the review inbox, the dashboard and
the evaluation page are saved. Then, on a second server whose agents are never in, a customer asking for a person leaves
an email address; the console says it is outside office hours and shows the
ticket, which the agent marks answered. Last, on a third server with the Chinese
demo bot (examples/zh-shop), the widget and the console speak Chinese: a customer
types Chinese, is handed to a person for being angry, and the agent answers in
Chinese from the Chinese console.

Drives Chromium through chromedriver's W3C WebDriver HTTP API with the standard
library only. Run by .ci/run after `swift build`:

    python3 Tests/Browser/browser_test.py --parley .build/debug/parley --artifacts .build/browser-artifacts

Exits non-zero on the first failed check; screenshots of both pages are saved
in the artifacts folder either way.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ATTACK = "<img src=x onerror=alert(1)>"
PASSWORD = "correct horse battery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except (WebDriverError, OSError) as error:
            last = error
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"ok - {message}")


class WebDriverError(Exception):
    pass


class Browser:
    """One Chromium session."""

    def __init__(self, driver, name):
        self.driver = driver
        self.name = name
        capabilities = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                        "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                                 "--window-size=1280,900"],
                    },
                }
            }
        }
        self.session = self.call("POST", "/session", capabilities)["sessionId"]

    def call(self, method, path, body=None):
        url = self.driver + path
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as error:
            value = json.load(error).get("value", {})
            raise WebDriverError(f"{value.get('error')}: {value.get('message', '')[:200]}")

    def session_call(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self.session_call("POST", "/url", {"url": url})

    def script(self, source, *args):
        return self.session_call("POST", "/execute/sync", {"script": source, "args": list(args)})

    def find(self, css, root=None):
        """An element by CSS, in the page or in a shadow root id."""
        where = f"/shadow/{root}/element" if root else "/element"
        found = self.session_call("POST", where, {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def shadow_root(self, css):
        element = self.find(css)
        return next(iter(self.session_call("GET", f"/element/{element}/shadow").values()))

    def click(self, element):
        self.session_call("POST", f"/element/{element}/click")

    def click_css(self, css, root=None):
        """Finds and clicks, again when the page re-rendered the element in between (the queue does)."""
        for attempt in range(5):
            try:
                return self.click(self.find(css, root))
            except WebDriverError as error:
                if "stale element" not in str(error) or attempt == 4:
                    raise
                time.sleep(0.2)

    def type(self, element, text):
        self.session_call("POST", f"/element/{element}/value", {"text": text})

    def alert_open(self):
        try:
            self.session_call("GET", "/alert/text")
            return True
        except WebDriverError as error:
            if "no such alert" in str(error):
                return False
            raise

    def screenshot(self, path):
        png = base64.b64decode(self.session_call("GET", "/screenshot"))
        with open(path, "wb") as file:
            file.write(png)
        print(f"saved {path}")

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        except Exception:
            pass


WIDGET = "document.querySelector('[data-parley]').shadowRoot"


def widget_log(browser):
    return browser.script(f"return {WIDGET}.querySelector('.log').innerText")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", default=os.path.join(ROOT, ".build/debug/parley"))
    parser.add_argument("--artifacts", default=os.path.join(ROOT, ".build/browser-artifacts"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    options = parser.parse_args()
    # The server runs in a folder of its own: paths given relative to here must still work.
    options.parley = os.path.abspath(options.parley)
    options.artifacts = os.path.abspath(options.artifacts)
    os.makedirs(options.artifacts, exist_ok=True)
    work = tempfile.mkdtemp(prefix="parley-browser-")
    store = os.path.join(work, "crm.sqlite")
    http, line, driver_port = free_port(), free_port(), free_port()
    # The shipped bot's settings with its actions and demo shop, without office hours (agents always in)
    # for the first server, and with agents never in for the second.
    with open(os.path.join(ROOT, "bot.yml")) as file:
        settings = file.read()
    lines = settings.splitlines(keepends=True)
    start = next(i for i, text in enumerate(lines) if text.startswith("office_hours:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    always_in = "".join(lines[:start] + lines[end:])
    never_in = "".join(lines[:start] + ["office_hours:\n  time_zone: UTC\n  days: []\n"] + lines[end:])
    # The Chinese demo bot (examples/zh-shop) with agents always in, for the third server.
    with open(os.path.join(ROOT, "examples/zh-shop/bot.yml")) as file:
        zh_lines = file.read().splitlines(keepends=True)
    zh_start = next(i for i, text in enumerate(zh_lines) if text.startswith("office_hours:"))
    zh_end = next(i for i in range(zh_start + 1, len(zh_lines)) if not zh_lines[i].startswith(" "))
    zh_always_in = "".join(zh_lines[:zh_start] + zh_lines[zh_end:])
    for name, text in (("always.yml", always_in), ("never.yml", never_in), ("zh.yml", zh_always_in)):
        with open(os.path.join(work, name), "w") as file:
            file.write(text)
    with open(os.path.join(ROOT, "demo-shop.yml")) as source, open(os.path.join(work, "demo-shop.yml"), "w") as copy:
        copy.write(source.read())
    # A copy of the bot's files: the trainer's review writes a new intent into them.
    for folder in ("intents", "responses"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(work, folder))
    bot = ["--intents", os.path.join(work, "intents"), "--responses", os.path.join(work, "responses"),
           "--model", os.path.join(work, "model.parley")]
    subprocess.run([options.parley, "users", "add", "ana", "--name", "Ana", "--store", store],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    subprocess.run([options.parley, "users", "add", "tess", "--name", "Tess", "--role", "trainer", "--store", store],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    server_log = open(os.path.join(options.artifacts, "server.log"), "w")
    server = subprocess.Popen([options.parley, "serve", "--port", str(http), "--line-port", str(line),
                               "--store", store, "--settings", os.path.join(work, "none.yml"),
                               "--config", os.path.join(work, "always.yml")] + bot,
                              cwd=work, stdout=server_log, stderr=subprocess.STDOUT)
    closed_store = os.path.join(work, "closed.sqlite")
    closed_http, closed_line = free_port(), free_port()
    subprocess.run([options.parley, "users", "add", "ana", "--name", "Ana", "--store", closed_store],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    closed_log = open(os.path.join(options.artifacts, "server-closed.log"), "w")
    closed = None
    zh_store = os.path.join(work, "zh.sqlite")
    zh_http, zh_line = free_port(), free_port()
    subprocess.run([options.parley, "users", "add", "ana", "--name", "Ana", "--store", zh_store],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    zh_log = open(os.path.join(options.artifacts, "server-zh.log"), "w")
    chinese = None
    driver = subprocess.Popen([options.chromedriver, f"--port={driver_port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http}"
    customer = agent = trainer = None
    try:
        wait_for("the server", lambda: urllib.request.urlopen(base + "/health", timeout=1).status == 200, 120)
        wait_for("chromedriver", lambda: urllib.request.urlopen(
            f"http://127.0.0.1:{driver_port}/status", timeout=1).status == 200)
        driver_url = f"http://127.0.0.1:{driver_port}"
        customer = Browser(driver_url, "customer")
        agent = Browser(driver_url, "agent")
        try:
            run(customer, agent, base)
        finally:
            customer.screenshot(os.path.join(options.artifacts, "customer-widget.png"))
            agent.screenshot(os.path.join(options.artifacts, "agent-console.png"))
        trainer = Browser(driver_url, "trainer")
        run_trainer(customer, trainer, base, options.artifacts)
        # The second server starts once the first one's model file is written, and reuses it.
        closed = subprocess.Popen([options.parley, "serve", "--port", str(closed_http), "--line-port",
                                   str(closed_line), "--store", closed_store, "--settings",
                                   os.path.join(work, "none.yml"), "--config", os.path.join(work, "never.yml")] + bot,
                                  cwd=work, stdout=closed_log, stderr=subprocess.STDOUT)
        zh = os.path.join(ROOT, "examples/zh-shop")
        chinese = subprocess.Popen([options.parley, "serve", "--port", str(zh_http), "--line-port", str(zh_line),
                                    "--store", zh_store, "--settings", os.path.join(work, "none.yml"),
                                    "--config", os.path.join(work, "zh.yml"),
                                    "--intents", os.path.join(zh, "intents"), "--responses",
                                    os.path.join(zh, "responses"), "--model", os.path.join(work, "zh.parley")],
                                   cwd=work, stdout=zh_log, stderr=subprocess.STDOUT)
        closed_base = f"http://127.0.0.1:{closed_http}"
        wait_for("the second server", lambda: urllib.request.urlopen(
            closed_base + "/health", timeout=1).status == 200, 120)
        try:
            run_tickets(customer, agent, closed_base, options.artifacts)
        finally:
            customer.screenshot(os.path.join(options.artifacts, "customer-ticket.png"))
        zh_base = f"http://127.0.0.1:{zh_http}"
        wait_for("the Chinese server", lambda: urllib.request.urlopen(zh_base + "/health", timeout=1).status == 200, 120)
        try:
            run_chinese(customer, agent, zh_base)
        finally:
            customer.screenshot(os.path.join(options.artifacts, "customer-widget-zh.png"))
            agent.screenshot(os.path.join(options.artifacts, "agent-console-zh.png"))
    finally:
        for browser in (customer, agent, trainer):
            if browser:
                browser.quit()
        driver.terminate()
        for process in (server, closed, chinese):
            if process:
                process.terminate()
                process.wait(timeout=30)
        server_log.close()
        closed_log.close()
        zh_log.close()
    print("browser test passed")


def run(customer, agent, base):
    # The customer opens the demo page: the widget must not take the host page's rude styles.
    customer.open(base + "/")
    wait_for("the widget", lambda: customer.script("return !!document.querySelector('[data-parley]')"))
    widget = customer.shadow_root("[data-parley]")
    launcher = customer.find(".launcher", widget)
    check(customer.script(f"return getComputedStyle({WIDGET}.querySelector('.launcher')).backgroundColor")
          != customer.script("return getComputedStyle(document.querySelector('main') || document.body).color")
          and "Comic" not in customer.script(
              f"return getComputedStyle({WIDGET}.querySelector('.launcher')).fontFamily"),
          "the widget keeps its own styles on a page with hostile button styles")
    customer.click(launcher)
    wait_for("the bot's greeting", lambda: "virtual assistant" in widget_log(customer) or "Hi" in widget_log(customer))
    box = customer.find("textarea", widget)
    customer.type(box, "where is my order?\ue007")
    wait_for("the bot asking for the order number", lambda: "order number" in widget_log(customer).lower())
    check(True, "the bot answers in the widget")
    customer.type(box, ATTACK + "\ue007")
    wait_for("the attack text shown as text", lambda: ATTACK in widget_log(customer))
    check(customer.script(f"return {WIDGET}.querySelectorAll('img').length + document.querySelectorAll('img').length")
          == 0, "customer text is shown as text in the widget, no element made of it")
    customer.click(customer.find("button.human", widget))
    wait_for("the waiting state", lambda: "number 1 in the queue" in customer.script(
        f"return {WIDGET}.querySelector('.status').textContent"))
    check(True, "the customer is told they wait and their position")

    # The agent signs in to the console in a second browser and takes the conversation.
    agent.open(base + "/agent")
    wait_for("the sign-in form", lambda: agent.script("return !document.getElementById('signin').hidden"))
    agent.type(agent.find("#signin input[name=agent]"), "ana")
    agent.type(agent.find("#signin input[name=password]"), PASSWORD + "\ue007")
    wait_for("the console", lambda: agent.script("return !document.getElementById('console').hidden"))
    wait_for("the queued conversation", lambda: agent.script("return document.querySelectorAll('#queue li').length") == 1)
    check("offered" in agent.script("return document.querySelector('#queue li').className"),
          "the conversation is offered to the available agent")
    check(agent.script("return getComputedStyle(document.querySelector('#queue li .name')).unicodeBidi") == "isolate",
          "a customer's name cannot reorder the rest of its queue line (a right-to-left override in it stays inside)")
    agent.click_css("#queue li .buttons button")
    wait_for("the transcript", lambda: ATTACK in agent.script("return document.getElementById('transcript').innerText"))
    check(agent.script("return document.querySelectorAll('img').length") == 0,
          "customer text is shown as text in the console, no element made of it")
    wait_for("the composer", lambda: not agent.script("return document.getElementById('reply').disabled"))
    wait_for("agent joined", lambda: "Ana joined" in widget_log(customer))
    check(True, "the customer sees the agent join")
    agent.type(agent.find("#reply"), "Hello, I'm Ana. Let me check your order.\ue007")
    wait_for("the agent's reply in the widget", lambda: "Let me check your order." in widget_log(customer))
    check(True, "the customer sees the agent's reply")
    customer.type(box, "thank you, it's order 10234\ue007")
    wait_for("the customer's message in the console",
             lambda: "order 10234" in agent.script("return document.getElementById('transcript').innerText"))
    check(True, "the agent sees the customer's message live")
    agent.click(agent.find("#handback"))
    wait_for("the hand back", lambda: "handed you back" in widget_log(customer)
             and "handed the chat back to me" in widget_log(customer))
    before = customer.script(f"return {WIDGET}.querySelectorAll('.msg.bot').length")
    customer.type(box, "how much is shipping?\ue007")
    wait_for("the bot answering again",
             lambda: customer.script(f"return {WIDGET}.querySelectorAll('.msg.bot').length") > before)
    check(True, "after the hand back the bot answers again")
    check(not customer.alert_open() and not agent.alert_open(), "no script ran from customer text on either page")



def run_trainer(customer, trainer, base, artifacts):
    # Customers ask what no intent covers (two over the REST API, one in the widget): the bot falls back.
    question = "can I hire your gazebo for a wedding"
    reply = "We don't hire out gazebos, sorry: our garden gazebos are for sale, from 149.99."
    for text in ("gazebo hire for a wedding", "do you rent gazebos for weddings"):
        request = urllib.request.Request(base + "/api/messages", data=json.dumps({"text": text}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        answer = json.load(urllib.request.urlopen(request, timeout=30))
        check("other words" in answer["replies"][-1].get("text", ""), f"the bot falls back on '{text}'")
    widget = customer.shadow_root("[data-parley]")
    box = customer.find("textarea", widget)
    bot_messages = f"return [...{WIDGET}.querySelectorAll('.msg.bot')].map(m => m.innerText)"
    before = len(customer.script(bot_messages))
    customer.type(box, question + "\ue007")
    wait_for("the bot's fallback", lambda: len(customer.script(bot_messages)) > before)
    check("other words" in customer.script(bot_messages)[-1], "the bot falls back on the question in the widget")

    # A trainer signs in: the console shows the review inbox only, customer text as text.
    trainer.open(base + "/agent")
    wait_for("the sign-in form", lambda: trainer.script("return !document.getElementById('signin').hidden"))
    trainer.type(trainer.find("#signin input[name=agent]"), "tess")
    trainer.type(trainer.find("#signin input[name=password]"), PASSWORD + "\ue007")
    groups = "return [...document.querySelectorAll('#review-groups li.group')].map(li => li.innerText)"
    wait_for("the question in the review inbox", lambda: any(question in text for text in trainer.script(groups)))
    check(trainer.script("return document.getElementById('review').hidden") is False
          and trainer.script("return getComputedStyle(document.querySelector('.lists')).display") == "none",
          "a trainer's console shows the review inbox, not the desk")
    check(trainer.script("return document.querySelectorAll('#review img').length") == 0 and not trainer.alert_open(),
          "customer text is shown as text in the review inbox, no element made of it")
    trainer.screenshot(os.path.join(artifacts, "review-inbox.png"))

    # From "new intent" to the intent answering live after a reload.
    started = time.monotonic()
    index = next(i for i, text in enumerate(trainer.script(groups)) if question in text) + 1
    group = f"#review-groups li.group:nth-child({index})"
    trainer.click_css(f"{group} .review-actions button:nth-of-type(2)")
    trainer.type(trainer.find(f"{group} .new-intent input[name=intent]"), "gazebo_hire")
    trainer.type(trainer.find(f"{group} .new-intent input[name=description]"), "Hiring a gazebo for an event.")
    trainer.type(trainer.find(f"{group} .new-intent input[name=reply]"), reply + "\ue007")
    status = "return document.getElementById('review-status').textContent"
    wait_for("the new intent", lambda: "New intent gazebo_hire with 3 messages" in trainer.script(status))
    check(True, "the trainer creates a new intent from the message in the console")
    trainer.click(trainer.find("#bot-reload"))
    wait_for("the reload", lambda: "Reloading" not in trainer.script(status), timeout=180)
    check("answers now" in trainer.script(status), f"the reload puts a new model live ({trainer.script(status)})")
    customer.type(box, question + "\ue007")
    wait_for("the new intent's reply", lambda: reply in customer.script(bot_messages)[-1])
    elapsed = time.monotonic() - started
    check(elapsed < 30, f"from 'new intent' to the intent answering live: {elapsed:.1f} s (under 30 s)")

    trainer.open(base + "/admin")
    wait_for("the dashboard", lambda: "Parley dashboard" in trainer.script("return document.body.innerText"))
    check(trainer.script("return document.querySelectorAll('svg').length") > 0, "the dashboard draws its charts")
    trainer.screenshot(os.path.join(artifacts, "dashboard.png"))
    trainer.open(base + "/admin/evaluation")
    wait_for("the evaluation page", lambda: "gazebo_hire" in trainer.script("return document.body.innerText"), 300)
    check(trainer.script("return document.querySelectorAll('svg').length") > 0,
          "the evaluation page shows the running model, with the new intent")
    trainer.screenshot(os.path.join(artifacts, "evaluation.png"))


def run_tickets(customer, agent, base, artifacts):
    # Outside office hours, a customer asking for a person leaves an email address: a ticket.
    health = json.loads(urllib.request.urlopen(base + "/health", timeout=5).read())
    check(health["office_hours"]["open"] is False, "/health says the agents are away")
    customer.open(base + "/")
    wait_for("the widget", lambda: customer.script("return !!document.querySelector('[data-parley]')"))
    widget = customer.shadow_root("[data-parley]")
    customer.click(customer.find(".launcher", widget))
    wait_for("the bot's greeting", lambda: "virtual assistant" in widget_log(customer))
    customer.click(customer.find("button.human", widget))
    wait_for("the out-of-hours answer", lambda: "Leave your email address" in widget_log(customer))
    box = customer.find("textarea", widget)
    customer.type(box, "please write to ana@example.com\ue007")
    wait_for("the email acknowledged", lambda: "will write to ana@example.com" in widget_log(customer))
    check(True, "the customer is told a person will write to the address they gave")

    agent.open(base + "/agent")
    wait_for("the sign-in form", lambda: agent.script("return !document.getElementById('signin').hidden"))
    agent.type(agent.find("#signin input[name=agent]"), "ana")
    agent.type(agent.find("#signin input[name=password]"), PASSWORD + "\ue007")
    wait_for("the console", lambda: agent.script("return !document.getElementById('console').hidden"))
    wait_for("the office hours banner", lambda: "Outside office hours" in agent.script(
        "return document.getElementById('hours').hidden ? '' : document.getElementById('hours').textContent"))
    check(True, "the console says escalations become tickets outside office hours")
    wait_for("the ticket", lambda: agent.script("return document.getElementById('tickets-count').textContent") == "1")
    check("ana@example.com" in agent.script("return document.getElementById('tickets').innerText"),
          "the console lists the ticket with the address to write to")
    # The list is drawn again whenever the tickets change: find the button afresh until the click lands.
    wait_for("the ticket's button", lambda: agent.click(agent.find("#tickets li .buttons button")) or True)
    wait_for("the ticket's view", lambda: agent.script("return !document.getElementById('ticket').hidden"))
    agent.screenshot(os.path.join(artifacts, "agent-tickets.png"))
    agent.type(agent.find("#ticket-note"), "Wrote to Ana about her order")
    agent.click(agent.find("#answer"))
    wait_for("the ticket answered", lambda: agent.script(
        "return document.getElementById('tickets-count').textContent") == "0")
    check("answered the ticket" in agent.script("return document.getElementById('transcript').innerText"),
          "the agent marks the ticket answered, with the note kept")


def run_chinese(customer, agent, base):
    # The Chinese demo bot: the widget and the console speak Chinese because the server says the bot does.
    customer.open(base + "/")
    wait_for("the widget", lambda: customer.script("return !!document.querySelector('[data-parley]')"))
    widget = customer.shadow_root("[data-parley]")
    customer.click(customer.find(".launcher", widget))
    wait_for("the Chinese greeting", lambda: "智能客服" in widget_log(customer))
    check(customer.script("return document.documentElement.lang") == "zh-CN"
          and "订单、配送、退货" in widget_log(customer),
          "the demo page and the greeting it gives the widget are Chinese for a Chinese bot")
    check(customer.script(f"return {WIDGET}.querySelector('button.human').textContent") == "转人工"
          and customer.script(f"return {WIDGET}.querySelector('textarea').placeholder") == "请输入消息…",
          "the widget's words are Chinese for a Chinese bot")
    box = customer.find("textarea", widget)
    customer.type(box, "太差劲了，我非常生气！退款！\ue007")
    wait_for("the waiting state", lambda: "排在第 1 位" in customer.script(
        f"return {WIDGET}.querySelector('.status').textContent"))
    check(True, "an angry Chinese customer is handed to a person and told their place in Chinese")

    agent.open(base + "/agent")
    wait_for("the sign-in form", lambda: agent.script("return !document.getElementById('signin').hidden"))
    check(agent.script("return document.querySelector('#signin button').textContent") == "登录"
          and agent.script("return document.querySelector('#review h2').textContent") == "审核收件箱"
          and agent.script("return document.getElementById('bot-reload').textContent") == "重新加载机器人",
          "the console's sign-in and its trainers' review view are in Chinese")
    agent.type(agent.find("#signin input[name=agent]"), "ana")
    agent.type(agent.find("#signin input[name=password]"), PASSWORD + "\ue007")
    wait_for("the console", lambda: agent.script("return !document.getElementById('console').hidden"))
    wait_for("the queued conversation", lambda: agent.script("return document.querySelectorAll('#queue li').length") == 1)
    check("客户生气" in agent.script("return document.getElementById('queue').innerText"),
          "the console says in Chinese why the customer waits")
    agent.click_css("#queue li .buttons button")
    wait_for("the transcript", lambda: "我非常生气" in agent.script("return document.getElementById('transcript').innerText"))
    wait_for("the composer", lambda: not agent.script("return document.getElementById('reply').disabled"))
    check(agent.script("return document.getElementById('handback').textContent") == "转回机器人",
          "the agent sees the Chinese console")
    wait_for("agent joined", lambda: "Ana 加入了对话" in widget_log(customer))
    agent.type(agent.find("#reply"), "您好，我是Ana，马上为您办理退款。\ue007")
    wait_for("the agent's Chinese reply in the widget", lambda: "马上为您办理退款" in widget_log(customer))
    check(True, "the agent answers in Chinese and the customer sees it")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"not ok - {failure}", file=sys.stderr)
        sys.exit(1)
