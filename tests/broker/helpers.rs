//! Test harness for the broker tests: a vhost of its own per test on the real RabbitMQ (deleted on
//! drop), worker processes started from the built binary, and a client that publishes articles and
//! reads records and dead letters back.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use article_enricher::broker::{header_str, topology};
use article_enricher::settings::{Settings, Sources, TopologySettings};
use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicGetOptions, BasicPublishOptions, BasicQosOptions,
    ConfirmSelectOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties, Consumer};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::Value;

/// Runs `rabbitmqctl` (or the command in `RABBITMQCTL`, e.g. `docker compose exec -T rabbitmq
/// rabbitmqctl`) and panics with its output if it fails.
pub fn rabbitmqctl(args: &[&str]) {
    let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = command.split_whitespace();
    let program = parts.next().expect("RABBITMQCTL is empty");
    let output = Command::new(program)
        .args(parts)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command}: {e}"));
    assert!(
        output.status.success(),
        "{command} {args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A vhost of the test's own: parallel tests never see each other's queues, and dropping it
/// removes everything the test created.
pub struct TestBroker {
    pub vhost: String,
    pub url: String,
    pub topology: TopologySettings,
}

impl TestBroker {
    pub fn new() -> Self {
        let vhost = format!("ae-test-{}", uuid::Uuid::new_v4().simple());
        rabbitmqctl(&["add_vhost", &vhost]);
        rabbitmqctl(&["set_permissions", "-p", &vhost, "guest", ".*", ".*", ".*"]);
        let host = std::env::var("TEST_AMQP_HOST").unwrap_or_else(|_| "127.0.0.1:5672".into());
        let url = format!("amqp://guest:guest@{host}/{vhost}");
        let settings = Settings::load(&Sources {
            config_file: None,
            environment: Some(HashMap::new()),
        })
        .unwrap();
        Self {
            vhost,
            url,
            topology: settings.topology,
        }
    }

    /// Force-closes every connection in this vhost only (worker and test client alike).
    pub fn close_all_connections(&self) {
        rabbitmqctl(&[
            "close_all_connections",
            "-p",
            &self.vhost,
            "test: forced close",
        ]);
    }

    pub async fn client(&self) -> Client {
        Client::connect(self).await
    }
}

impl Drop for TestBroker {
    fn drop(&mut self) {
        let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
        let mut parts = command.split_whitespace();
        if let Some(program) = parts.next() {
            let _ = Command::new(program)
                .args(parts)
                .args(["delete_vhost", &self.vhost])
                .output();
        }
    }
}

/// The worker binary: `AE_WORKER_BIN` when set (a copy no other build overwrites mid-run), else
/// the one cargo built for this test.
pub fn worker_binary() -> String {
    std::env::var("AE_WORKER_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_article-enricher").to_owned())
}

/// A worker process started from the built binary against a test vhost.
pub struct WorkerProcess {
    child: Child,
    log: PathBuf,
}

impl WorkerProcess {
    pub fn spawn(broker: &TestBroker, env: &[(&str, &str)]) -> Self {
        Self::spawn_at(&broker.url, &broker.vhost, env)
    }

    /// A worker against `url` (one URL or a comma-separated list); its log is named after `label`.
    pub fn spawn_at(url: &str, label: &str, env: &[(&str, &str)]) -> Self {
        let log =
            std::env::temp_dir().join(format!("{label}-{}.log", uuid::Uuid::new_v4().simple()));
        let log_file = std::fs::File::create(&log).unwrap();
        let mut command = Command::new(worker_binary());
        command
            .arg("run")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("AMQP_URL", url)
            .env("ENRICHER__HTTP__BIND", "127.0.0.1:0")
            .env("ENRICHER__TELEMETRY__FORMAT", "json")
            .env("ENRICHER__WORKER__SHUTDOWN_DEADLINE_MS", "10000")
            .env("ENRICHER__AMQP__RECONNECT_INITIAL_MS", "100")
            .env("ENRICHER__AMQP__RECONNECT_MAX_MS", "1000")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command.spawn().expect("spawning the worker");
        Self { child, log }
    }

    pub fn pid(&self) -> Pid {
        Pid::from_raw(i32::try_from(self.child.id()).unwrap())
    }

    pub fn signal(&self, signal: Signal) {
        kill(self.pid(), signal).expect("signalling the worker");
    }

    /// Waits for the process to exit, panicking after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "worker did not exit within {timeout:?}\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The metrics listener's address, read from the start-up log line.
    pub async fn http_addr(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            for line in self.logs().lines() {
                if let Ok(v) = serde_json::from_str::<Value>(line)
                    && v["message"] == "metrics and health listener up"
                {
                    return v["addr"].as_str().unwrap().to_owned();
                }
            }
            assert!(
                Instant::now() < deadline,
                "no listener line in the worker log:\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// GETs a path from the worker's listener: (status code, body).
    pub async fn http_get(&self, path: &str) -> (u16, String) {
        let addr = self.http_addr().await;
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(&addr).unwrap();
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut response = String::new();
            stream.read_to_string(&mut response).unwrap();
            let status = response.split_whitespace().nth(1).unwrap().parse().unwrap();
            let body = response
                .split_once("\r\n\r\n")
                .map(|(_, b)| b.to_owned())
                .unwrap_or_default();
            (status, body)
        })
        .await
        .unwrap()
    }

    /// Waits until `/readyz` answers 200.
    pub async fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.http_get("/readyz").await.0 != 200 {
            assert!(
                Instant::now() < deadline,
                "worker never became ready:\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A counter's value from `/metrics` (summed over labels).
    pub async fn metric(&self, name: &str) -> f64 {
        let (_, body) = self.http_get("/metrics").await;
        body.lines()
            .filter(|l| l.starts_with(name) && l[name.len()..].starts_with([' ', '{']))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if !std::thread::panicking() {
            let _ = std::fs::remove_file(&self.log);
        } else {
            eprintln!("worker log kept at {}", self.log.display());
        }
    }
}

/// A message read back from a queue.
#[derive(Debug, Clone)]
pub struct Received {
    pub body: Vec<u8>,
    pub properties: BasicProperties,
    pub routing_key: String,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON record")
    }

    pub fn header(&self, key: &str) -> Option<String> {
        header_str(self.properties.headers().as_ref(), key)
    }
}

/// The test's own AMQP client.
pub struct Client {
    pub connection: Connection,
    channel: Channel,
    topology: TopologySettings,
    records: Option<Consumer>,
}

impl Client {
    pub async fn connect(broker: &TestBroker) -> Self {
        Self::connect_to(&broker.url, &broker.topology).await
    }

    /// A client of the broker at `url` that declares `topology` (the cluster drill's).
    pub async fn connect_to(url: &str, topology: &TopologySettings) -> Self {
        let connection = Connection::connect(url, ConnectionProperties::default())
            .await
            .expect("test client connects");
        let channel = connection.create_channel().await.unwrap();
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .unwrap();
        topology::declare(&channel, topology)
            .await
            .expect("declaring the topology");
        Self {
            connection,
            channel,
            topology: topology.clone(),
            records: None,
        }
    }

    /// Publishes one article to the input exchange and waits for the broker's confirm.
    pub async fn publish_article(&self, body: &[u8], properties: BasicProperties) {
        let confirm = self
            .channel
            .basic_publish(
                self.topology.input_exchange.as_str().into(),
                "article.test".into(),
                BasicPublishOptions::default(),
                body,
                properties,
            )
            .await
            .unwrap()
            .await
            .unwrap();
        assert!(confirm.is_ack(), "publish not confirmed");
    }

    /// Publishes many envelopes; confirms are awaited at the end, each must be an ack.
    pub async fn publish_envelopes(&self, envelopes: &[Value]) {
        let messages: Vec<(String, Vec<u8>, BasicProperties)> = envelopes
            .iter()
            .map(|e| {
                (
                    "article.test".to_owned(),
                    serde_json::to_vec(e).unwrap(),
                    json_properties(),
                )
            })
            .collect();
        let exchange = self.topology.input_exchange.clone();
        self.publish_many(&exchange, messages).await;
    }

    /// Publishes the envelopes `a-0` … `a-{n-1}` (see [`envelope`]), all confirmed.
    pub async fn publish_articles(&self, n: usize) {
        self.publish_envelopes(&(0..n).map(envelope).collect::<Vec<_>>())
            .await;
    }

    /// Publishes (routing key, body, properties) triples to `exchange`, all confirmed.
    pub async fn publish_many(
        &self,
        exchange: &str,
        messages: Vec<(String, Vec<u8>, BasicProperties)>,
    ) {
        let mut confirms = Vec::with_capacity(messages.len());
        for (routing_key, body, properties) in messages {
            let confirm = self
                .channel
                .basic_publish(
                    exchange.into(),
                    routing_key.as_str().into(),
                    BasicPublishOptions::default(),
                    &body,
                    properties,
                )
                .await
                .unwrap();
            confirms.push(confirm);
            if confirms.len() >= 1000 {
                for confirm in confirms.drain(..) {
                    assert!(confirm.await.unwrap().is_ack(), "publish not confirmed");
                }
            }
        }
        for confirm in confirms {
            assert!(confirm.await.unwrap().is_ack(), "publish not confirmed");
        }
    }

    /// Messages ready in a queue now.
    pub async fn queue_len(&self, queue: &str) -> u32 {
        let channel = self.connection.create_channel().await.unwrap();
        let passive = lapin::options::QueueDeclareOptions {
            passive: true,
            ..Default::default()
        };
        let len = channel
            .queue_declare(queue.into(), passive, FieldTable::default())
            .await
            .unwrap()
            .message_count();
        let _ = channel.close(200, "".into()).await;
        len
    }

    /// Waits until `queue` holds exactly `n` messages.
    pub async fn wait_queue_len(&self, queue: &str, n: u32, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let len = self.queue_len(queue).await;
            if len == n {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{queue} holds {len} messages, expected {n}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The next record from the output queue, acked, or `None` after `timeout`.
    pub async fn next_record(&mut self, timeout: Duration) -> Option<Received> {
        if self.records.is_none() {
            let channel = self.connection.create_channel().await.unwrap();
            channel
                .basic_qos(200, BasicQosOptions::default())
                .await
                .unwrap();
            let consumer = channel
                .basic_consume(
                    self.topology.output_queue.as_str().into(),
                    "".into(),
                    BasicConsumeOptions::default(),
                    FieldTable::default(),
                )
                .await
                .unwrap();
            self.records = Some(consumer);
        }
        let consumer = self.records.as_mut().unwrap();
        let delivery = tokio::time::timeout(timeout, consumer.next())
            .await
            .ok()??
            .ok()?;
        delivery.acker.ack(BasicAckOptions::default()).await.ok()?;
        Some(Received {
            body: delivery.data,
            properties: delivery.properties,
            routing_key: delivery.routing_key.to_string(),
        })
    }

    /// Reads records until every id in `expected` has been seen or nothing arrives for `idle`.
    /// Returns how many records each id had.
    pub async fn collect_records(
        &mut self,
        expected: usize,
        idle: Duration,
    ) -> HashMap<String, usize> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        while seen.len() < expected {
            let Some(record) = self.next_record(idle).await else {
                break;
            };
            let id = record.json()["id"].as_str().unwrap().to_owned();
            *seen.entry(id).or_default() += 1;
        }
        seen
    }

    /// Takes one message from a queue (acked), or `None` when the queue is empty.
    pub async fn get(&self, queue: &str) -> Option<Received> {
        let message = self
            .channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: true })
            .await
            .unwrap()?;
        let delivery = message.delivery;
        Some(Received {
            body: delivery.data,
            properties: delivery.properties,
            routing_key: delivery.routing_key.to_string(),
        })
    }

    /// Waits for the next dead letter, up to `timeout`.
    pub async fn next_dead_letter(&self, timeout: Duration) -> Option<Received> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(message) = self.get(&self.topology.dead_letter_queue).await {
                return Some(message);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn close(self) {
        let _ = self.connection.close(200, "test done".into()).await;
    }
}

/// Adds the record counts of `more` to `seen`.
pub fn merge_counts(seen: &mut HashMap<String, usize>, more: HashMap<String, usize>) {
    for (id, n) in more {
        *seen.entry(id).or_default() += n;
    }
}

/// The article numbers among `a-0` … `a-{n-1}` that have no record in `seen`.
pub fn missing_articles(seen: &HashMap<String, usize>, n: usize) -> Vec<usize> {
    (0..n)
        .filter(|i| !seen.contains_key(&format!("a-{i}")))
        .collect()
}

/// Records beyond the first for each article.
pub fn duplicate_count(seen: &HashMap<String, usize>) -> usize {
    seen.values().map(|n| n - 1).sum()
}

/// Persistent JSON message properties.
pub fn json_properties() -> BasicProperties {
    BasicProperties::default()
        .with_content_type("application/json".into())
        .with_delivery_mode(2)
}

/// Runs `article-enricher ARGS` against the test vhost and returns (exit status, stdout).
pub fn run_command(
    broker: &TestBroker,
    args: &[&str],
    env: &[(&str, &str)],
) -> (ExitStatus, String) {
    let mut command = command(broker, args, env);
    let output = command.output().expect("running article-enricher");
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status, String::from_utf8(output.stdout).unwrap())
}

/// A prepared `article-enricher ARGS` command against the test vhost.
pub fn command(broker: &TestBroker, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_article-enricher"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AMQP_URL", &broker.url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// A seed-shaped plain-text article, different for each `i`.
pub fn text_article(i: usize) -> String {
    format!(
        "Council Approves Budget Number {i}\n\nLISBON — The city council approved budget number {i} on Monday after a long debate, officials said. \
         The plan raises spending on schools and transport by {i} million euros.\n\nWhat Happens Next\n\n\
         The mayor said the first projects would start in the spring. Opposition members called the plan “too cautious.”\n\nScroll to Top"
    )
}

/// A JSON envelope with id `a-{i}` around [`text_article`].
pub fn envelope(i: usize) -> Value {
    serde_json::json!({"id": format!("a-{i}"), "text": text_article(i), "source": "test-feed"})
}
