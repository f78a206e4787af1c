//! The explorer in headless Chromium (Debian's `chromium` and
//! `chromium-driver`), driven through WebDriver over the fixture store:
//! every view shows the fixture's figures, clicking a timeline bar filters
//! the table, the evidence panel highlights the right words, the hostile
//! article's markup shows as text, and nothing is reported to
//! `window.onerror` or `console.error`. A screenshot of each view is saved
//! under target/. Ignored by default: `cargo test -p dyad --test browser --
//! --ignored` (as .ci/run does, with the browser installed).

mod common;

use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::{fixture_store, Server};
use common::{assert_success, dyad, json_lines};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// Records what the page reports as errors, read back through the driver.
const ERROR_RECORDER: &str = r#"
window.__errors = [];
window.addEventListener("error", (e) => window.__errors.push("error: " + e.message));
window.addEventListener("unhandledrejection", (e) => window.__errors.push("rejection: " + e.reason));
window.addEventListener("securitypolicyviolation", (e) => window.__errors.push("csp: " + e.violatedDirective));
const consoleError = console.error;
console.error = (...args) => { window.__errors.push("console: " + args.join(" ")); consoleError.apply(console, args); };
"#;

/// A chromedriver at a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian: apt-get install chromium chromium-driver)");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the fixture's views must show, from `dyad query` and `dyad explain`.
struct Expected {
    events: Vec<Value>,
    rus_ukr: usize,
    ukr_rus: usize,
    code_text: &'static str,
    coded: (usize, usize),
}

fn expected(server: &Server) -> Expected {
    let code_text = "Chile praised Peru on Monday. Peru denied the report.";
    let out = dyad()
        .args([
            "explain",
            "--json",
            "--date",
            "2024-01-10",
            "--text",
            code_text,
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let sentences = json_lines(&out.stdout);
    let shown = sentences
        .iter()
        .flat_map(|s| s["events"].as_array().unwrap())
        .filter(|e| matches!(e["factuality"].as_str(), Some("asserted" | "intended")))
        .count();
    Expected {
        events: server.query(&[]),
        rus_ukr: server.query(&["--source", "RUS", "--target", "UKR"]).len(),
        ukr_rus: server.query(&["--source", "UKR", "--target", "RUS"]).len(),
        code_text,
        coded: (shown, sentences.len()),
    }
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explorer-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(client: &Client, view: &str) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("{view}.png")), png).unwrap();
}

/// The element `css` finds, once it is there.
async fn element(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

/// The text of the element `css` finds. A view that re-renders between
/// finding the element and reading it leaves a stale reference: the
/// element is then found again.
async fn text_of(client: &Client, css: &str) -> String {
    let start = Instant::now();
    loop {
        match element(client, css).await.text().await {
            Ok(text) => return text,
            Err(e)
                if e.is_stale_element_reference() && start.elapsed() < Duration::from_secs(10) =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(e) => panic!("{css}: {e}"),
        }
    }
}

/// Waits until the element's text is `text` (views load asynchronously).
async fn wait_for_text(client: &Client, css: &str, text: &str) {
    let start = Instant::now();
    loop {
        let now = text_of(client, css).await;
        if now == text {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{css}: {now:?}, not {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(client: &Client, css: &str) {
    let start = Instant::now();
    loop {
        match element(client, css).await.click().await {
            Ok(_) => return,
            Err(e)
                if e.is_stale_element_reference() && start.elapsed() < Duration::from_secs(10) =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(e) => panic!("{css}: {e}"),
        }
    }
}

async fn fill(client: &Client, css: &str, text: &str) {
    let input = client.find(Locator::Css(css)).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Moves the mouse along the chart until its legend shows `day`, then
/// clicks there: a click on that day's bar.
async fn click_bar(client: &Client, chart: &Element, day: &str) {
    let over = chart.find(Locator::Css(".u-over")).await.unwrap();
    let (_, _, width, _) = over.rectangle().await.unwrap();
    let legend_day = ".u-legend .u-series:first-child .u-value";
    let mut x = (-width / 2.0).ceil() + 1.0;
    while x < width / 2.0 {
        let to = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: over.clone(),
            duration: None,
            x,
            y: 0.0,
        });
        client.perform_actions(to).await.unwrap();
        if text_of(client, legend_day).await == day {
            let press = MouseActions::new("mouse".into())
                .then(PointerAction::MoveToElement {
                    element: over.clone(),
                    duration: None,
                    x,
                    y: 0.0,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                });
            client.perform_actions(press).await.unwrap();
            return;
        }
        x += 4.0;
    }
    panic!("no bar for {day}");
}

/// The events the table shows, read again if it re-renders meanwhile.
async fn shown_event_ids(client: &Client) -> BTreeSet<String> {
    let start = Instant::now();
    'read: loop {
        let mut ids = BTreeSet::new();
        for row in client
            .find_all(Locator::Css("tr[data-event]"))
            .await
            .unwrap()
        {
            match row.attr("data-event").await {
                Ok(id) => ids.insert(id.unwrap()),
                Err(e)
                    if e.is_stale_element_reference()
                        && start.elapsed() < Duration::from_secs(10) =>
                {
                    continue 'read
                }
                Err(e) => panic!("tr[data-event]: {e}"),
            };
        }
        return ids;
    }
}

fn ids_of<'a>(events: impl IntoIterator<Item = &'a Value>) -> BTreeSet<String> {
    events
        .into_iter()
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
fn every_view_of_the_explorer_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    let expected = expected(&server);
    let driver = Driver::start();
    let profile = dir.path().join("chromium-profile");
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1300,1000",
                format!("--user-data-dir={}", profile.display()),
            ]
        }
    });
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = runtime
        .block_on(
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.as_object().unwrap().clone())
                .connect(&format!("http://127.0.0.1:{}", driver.port)),
        )
        .expect("a Chromium session");
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        runtime.block_on(drive(&client, &server, &expected))
    }));
    // the browser goes with its session, whatever happened
    runtime.block_on(client.close()).unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn drive(client: &Client, server: &Server, expected: &Expected) {
    let events = &expected.events;
    client.goto(&format!("{}/", server.base)).await.unwrap();
    client.execute(ERROR_RECORDER, vec![]).await.unwrap();

    // the timeline: its figures, then a click on the first day's bar
    let days: BTreeSet<&str> = events.iter().filter_map(|e| e["date"].as_str()).collect();
    let timeline = format!("{} events on {} days", events.len(), days.len());
    wait_for_text(client, "#timeline-figures", &timeline).await;
    screenshot(client, "timeline").await;
    let first_day = *days.iter().next().unwrap();
    let chart = client.find(Locator::Css(".chart")).await.unwrap();
    click_bar(client, &chart, first_day).await;
    let on_day: Vec<&Value> = events.iter().filter(|e| e["date"] == first_day).collect();
    wait_for_text(
        client,
        "#page-figures",
        &format!("page 1, {} events", on_day.len()),
    )
    .await;
    assert_eq!(shown_event_ids(client).await, ids_of(on_day));
    let url = client.current_url().await.unwrap();
    assert!(
        url.as_str()
            .contains(&format!("from={first_day}&to={first_day}")),
        "{url}"
    );
    screenshot(client, "events").await;

    // the evidence panel on the hostile article: words highlighted, markup as text
    click(client, "#filter-clear").await;
    fill(client, "#filter-text", "alert").await;
    click(client, "#filter-apply").await;
    let hostile: Vec<&Value> = events
        .iter()
        .filter(|e| e["sentence"].as_str().unwrap().contains("alert("))
        .collect();
    assert_eq!(hostile.len(), 2);
    wait_for_text(client, "#page-figures", "page 1, 2 events").await;
    for event in &hostile {
        let id = event["event_id"].as_str().unwrap();
        click(client, &format!("tr[data-event=\"{id}\"]")).await;
        wait_for_text(
            client,
            "#evidence p.sentence",
            event["sentence"].as_str().unwrap(),
        )
        .await;
        assert_eq!(
            text_of(client, "#evidence mark.source").await,
            event["source"]["text"].as_str().unwrap()
        );
        assert_eq!(
            text_of(client, "#evidence mark.target").await,
            event["target"]["text"].as_str().unwrap()
        );
        let trigger = text_of(client, "#evidence mark.trigger").await;
        let first_word = event["evidence"]["trigger"]
            .as_str()
            .unwrap()
            .split(' ')
            .next()
            .unwrap();
        assert!(
            trigger.starts_with(first_word),
            "{trigger:?} for {first_word:?}"
        );
    }
    let markup: Vec<&str> = hostile
        .iter()
        .map(|e| e["sentence"].as_str().unwrap())
        .collect();
    assert!(markup
        .iter()
        .any(|s| s.contains("<script>alert(1)</script>")));
    assert!(markup
        .iter()
        .any(|s| s.contains("<img src=x onerror=alert(2)>")));
    let title = text_of(client, "#evidence a").await;
    assert_eq!(title, "<script>alert(1)</script>");
    let injected = client
        .execute(
            "return document.querySelectorAll('script:not([src]), img').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, json!(0), "markup from a document became elements");
    screenshot(client, "evidence").await;
    click(client, "#filter-clear").await;

    // the network and the map: the fixture's actors, dyads, countries and places
    let mut actors = BTreeSet::new();
    let mut dyads = BTreeSet::new();
    let mut countries = BTreeSet::new();
    let mut places = BTreeSet::new();
    for e in events {
        if let (Some(s), Some(t)) = (e["source"]["code"].as_str(), e["target"]["code"].as_str()) {
            actors.extend([s, t]);
            dyads.insert((s, t));
        }
        if let Some(c) = e["location"]["country"].as_str() {
            countries.insert(c);
        }
        if e["location"]["lat"].is_number() {
            places.insert(e["location"]["name"].as_str().unwrap());
        }
    }
    click(client, "nav button[data-view=network]").await;
    let network = format!("{} actors, {} dyads", actors.len(), dyads.len());
    wait_for_text(client, "#network-figures", &network).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    screenshot(client, "network").await;
    click(client, "nav button[data-view=map]").await;
    let map = format!("{} countries, {} places", countries.len(), places.len());
    wait_for_text(client, "#map-figures", &map).await;
    let shaded = client
        .find_all(Locator::Css("#map path.counted"))
        .await
        .unwrap();
    let mut shaded_codes = BTreeSet::new();
    for path in shaded {
        shaded_codes.insert(path.attr("data-country").await.unwrap().unwrap());
    }
    let countries: BTreeSet<String> = countries.into_iter().map(String::from).collect();
    assert_eq!(shaded_codes, countries);
    screenshot(client, "map").await;

    // the dyad view: A→B and B→A
    click(client, "nav button[data-view=dyad]").await;
    fill(client, "#dyad-form input[name=a]", "RUS").await;
    fill(client, "#dyad-form input[name=b]", "UKR").await;
    click(client, "#dyad-form button").await;
    wait_for_text(
        client,
        ".side:nth-child(1) .figures",
        &format!("RUS → UKR: {} events", expected.rus_ukr),
    )
    .await;
    wait_for_text(
        client,
        ".side:nth-child(2) .figures",
        &format!("UKR → RUS: {} events", expected.ukr_rus),
    )
    .await;
    screenshot(client, "dyad").await;

    // coding a text
    click(client, "nav button[data-view=code]").await;
    fill(client, "#code-text", expected.code_text).await;
    client
        .execute(
            "document.getElementById('code-date').value = '2024-01-10'",
            vec![],
        )
        .await
        .unwrap();
    click(client, "#code-run").await;
    let (shown, sentences) = expected.coded;
    let plural = |n: usize, word: &str| match n {
        1 => format!("1 {word}"),
        n => format!("{n} {word}s"),
    };
    let figures = format!(
        "{} in {}",
        plural(shown, "event"),
        plural(sentences, "sentence")
    );
    wait_for_text(client, "#code-figures", &figures).await;
    screenshot(client, "code").await;

    assert_eq!(text_of(client, "#status").await, "");
    let errors = client
        .execute("return window.__errors", vec![])
        .await
        .unwrap();
    assert_eq!(errors, json!([]), "the page reported errors");
}
