//! `article-enricher demo`, the README's first command, run as a user runs it against the real
//! broker: it exits 0, prints both records' headlines and entities, the dead-letter reason and
//! the throughput, and leaves no vhost behind.

use std::process::Command;

#[test]
fn the_demo_shows_records_a_dead_letter_and_the_throughput_and_leaves_nothing_behind() {
    let output = Command::new(env!("CARGO_BIN_EXE_article-enricher"))
        .args(["demo", "--burst", "200"])
        .env("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2f")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for expected in [
        "headline  Chile and Argentina Sign Glacier Water Pact",
        "headline  Tidal Barrage Approved for Severn Estuary",
        "Gabriel Boric (person)",
        "dead-lettered demo-malformed: invalid_envelope",
        "200 sample articles published, extracted and confirmed",
        "records/s",
    ] {
        assert!(
            stdout.contains(expected),
            "{expected:?} missing from:\n{stdout}"
        );
    }
    let vhost = stdout
        .split_whitespace()
        .skip_while(|w| *w != "vhost")
        .nth(1)
        .map(|v| v.trim_end_matches(')').to_owned())
        .unwrap();
    assert!(vhost.starts_with("ae-demo-"), "{vhost}");
    let rabbitmqctl = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = rabbitmqctl.split_whitespace();
    let vhosts = Command::new(parts.next().unwrap())
        .args(parts)
        .args(["-q", "list_vhosts"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&vhosts.stdout).contains(&vhost),
        "the demo left its vhost {vhost} behind"
    );
}
