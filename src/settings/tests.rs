//! Unit tests of the settings: layering, lists of broker addresses, and redaction.
use super::*;

fn load_with(env: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    Settings::load(&Sources::environment_of(env))
}

#[test]
fn the_compiled_in_defaults_load() {
    let settings = load_with(&[]).unwrap();
    assert_eq!(settings.topology.input_queue, "articles.incoming");
    assert_eq!(settings.limits.max_body_bytes, 10 * 1024 * 1024);
}

#[test]
fn an_environment_variable_overrides_a_nested_key() {
    let settings = load_with(&[("ENRICHER__WORKER__MAX_IN_FLIGHT", "7")]).unwrap();
    assert_eq!(settings.worker.max_in_flight, 7);
}

#[test]
fn a_list_comes_from_a_comma_separated_variable() {
    let settings = load_with(&[("ENRICHER__WORKER__PARTITIONS", "2,3")]).unwrap();
    assert_eq!(settings.worker.partitions, [2, 3]);
}

#[test]
fn the_html_reader_is_chosen_by_name_and_an_unknown_one_is_an_error() {
    assert_eq!(
        load_with(&[]).unwrap().limits.html_reader,
        HtmlReader::Learned
    );
    let settings = load_with(&[("ENRICHER__LIMITS__HTML_READER", "scoring")]).unwrap();
    assert_eq!(settings.limits.html_reader, HtmlReader::Scoring);
    let settings = load_with(&[("ENRICHER__LIMITS__HTML_READER", "readability")]).unwrap();
    assert_eq!(settings.limits.html_reader, HtmlReader::Readability);
    let err = load_with(&[("ENRICHER__LIMITS__HTML_READER", "fast")]).unwrap_err();
    assert!(err.to_string().contains("fast"), "{err}");
}

#[test]
fn amqp_url_overrides_the_configured_url() {
    let settings = load_with(&[("AMQP_URL", "amqp://u:p@example:5672/v")]).unwrap();
    assert_eq!(settings.amqp.url.expose(), "amqp://u:p@example:5672/v");
}

#[test]
fn a_comma_separated_amqp_url_is_a_list_of_addresses_in_order() {
    let settings = load_with(&[(
        "AMQP_URL",
        "amqp://u:p1@n1:5672/v, amqp://u:p2@n2:5673/v,amqps://u:p3@n3/v",
    )])
    .unwrap();
    let addresses: Vec<String> = settings
        .amqp
        .addresses()
        .iter()
        .map(|a| a.expose().to_owned())
        .collect();
    assert_eq!(
        addresses,
        [
            "amqp://u:p1@n1:5672/v",
            "amqp://u:p2@n2:5673/v",
            "amqps://u:p3@n3/v"
        ]
    );
}

#[test]
fn a_raw_comma_inside_a_password_does_not_split_the_url() {
    assert_eq!(
        split_addresses("amqp://u:pa,ss@n1/v,amqp://u:x@n2/v"),
        ["amqp://u:pa,ss@n1/v", "amqp://u:x@n2/v"]
    );
}

#[test]
fn the_urls_list_takes_the_place_of_url_and_amqp_url_replaces_both() {
    let settings =
        load_with(&[("ENRICHER__AMQP__URLS", "amqp://u:p@a:1/v,amqp://u:p@b:2/v")]).unwrap();
    assert_eq!(settings.amqp.addresses().len(), 2);
    assert_eq!(settings.topology.quorum_group_size, 0, "two nodes: unset");
    let settings = load_with(&[
        ("ENRICHER__AMQP__URLS", "amqp://u:p@a:1/v,amqp://u:p@b:2/v"),
        ("AMQP_URL", "amqp://u:p@c:3/v"),
    ])
    .unwrap();
    let addresses = settings.amqp.addresses();
    assert_eq!(addresses.len(), 1);
    assert_eq!(addresses[0].expose(), "amqp://u:p@c:3/v");
}

#[test]
fn every_address_of_a_list_is_redacted_and_its_password_scrubbed() {
    let settings = load_with(&[
        (
            "ENRICHER__AMQP__URLS",
            "amqp://svc:first-s3cret@n1:5672/v,amqp://svc:se/cond@n2:5672/v",
        ),
        (
            "ENRICHER__AMQP__URL",
            "amqp://svc:th1rd@n3/v,amqp://svc:f0urth@n4/v",
        ),
    ])
    .unwrap();
    let shown = format!("{settings:?} {}", settings.amqp.redacted());
    for password in ["first-s3cret", "se/cond", "th1rd", "f0urth"] {
        assert!(!shown.contains(password), "{password} in {shown}");
        assert!(
            settings.amqp.secrets().contains(&password.to_owned()),
            "{password} is scrubbed from the logs"
        );
    }
    assert_eq!(
        settings.amqp.redacted(),
        "amqp://svc:***@n1:5672/v,amqp://svc:***@n2:5672/v"
    );
    let url = AmqpUrl::new("amqp://a:one1@h1/v,amqp://b:two2@h2/v");
    assert_eq!(url.redacted(), "amqp://a:***@h1/v,amqp://b:***@h2/v");
    assert_eq!(
        format!("{url:?}"),
        "AmqpUrl(amqp://a:***@h1/v,amqp://b:***@h2/v)"
    );
    let scrubbing = crate::telemetry::Scrubbing::new(url.secrets());
    let line = scrubbing.scrub("login one1 then two2");
    assert!(!line.contains("one1") && !line.contains("two2"), "{line}");
}

#[test]
fn an_unknown_key_is_an_error_that_names_it() {
    let err = load_with(&[("ENRICHER__WORKER__MAX_IN_FLIGT", "7")]).unwrap_err();
    assert!(err.to_string().contains("max_in_fligt"), "{err}");
}

#[test]
fn debug_output_never_shows_the_password() {
    let settings = load_with(&[("AMQP_URL", "amqp://user:s3cret@host/vh")]).unwrap();
    let debug = format!("{settings:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(debug.contains("amqp://user:***@host/vh"), "{debug}");
}

#[test]
fn redaction_leaves_urls_without_password_alone() {
    assert_eq!(redact_url("amqp://host:5672/%2f"), "amqp://host:5672/%2f");
    assert_eq!(redact_url("amqp://user@host"), "amqp://user@host");
    assert_eq!(redact_url("amqps://a:b:c@h/v"), "amqps://a:***@h/v");
}

#[test]
fn a_password_with_a_raw_slash_is_redacted_whole() {
    let url = "amqp://svc:se/cr@et@broker:5672/news";
    assert_eq!(redact_url(url), "amqp://svc:***@broker:5672/news");
    let secrets = AmqpUrl::new(url).secrets();
    assert!(secrets.contains(&"se/cr@et".to_owned()), "{secrets:?}");
}

#[test]
fn a_password_that_is_the_user_name_is_no_secret_to_scrub() {
    assert!(
        AmqpUrl::new("amqp://guest:guest@h/%2f")
            .secrets()
            .is_empty()
    );
    assert_eq!(
        AmqpUrl::new("amqp://u:p%2Fw@h/%2f").secrets(),
        ["112, 47, 119", "p%2Fw", "p/w"]
    );
}

proptest::proptest! {
    #[test]
    fn no_password_survives_redaction_whatever_its_characters(
        password in "[^\\s]{3,24}",
    ) {
        let encoded: String =
            percent_encoding::utf8_percent_encode(&password, percent_encoding::NON_ALPHANUMERIC)
                .to_string();
        for written in [password.clone(), encoded] {
            let url = format!("amqp://svc-user:{written}@broker.internal:5672/news");
            let redacted = redact_url(&url);
            proptest::prop_assert_eq!(
                &redacted,
                "amqp://svc-user:***@broker.internal:5672/news",
                "{}", url
            );
            let shown = format!("{:?} {}", AmqpUrl::new(url.clone()), AmqpUrl::new(url.clone()));
            proptest::prop_assert!(!shown.contains(&written), "{}", shown);
            let scrubbing = crate::telemetry::Scrubbing::new(AmqpUrl::new(url.clone()).secrets());
            let line = format!("connecting to {url} with password {password}");
            let scrubbed = scrubbing.scrub(&line);
            proptest::prop_assert!(!scrubbed.contains(&password), "{}", scrubbed);
        }
    }
}

#[test]
fn a_password_the_url_parser_would_re_encode_is_scrubbed_as_written() {
    // Found by the property test below: "%0A" then a C1 control character.
    let password = "%0A\u{86}";
    let url = format!("amqp://svc-user:{password}@broker.internal:5672/news");
    let scrubbing = crate::telemetry::Scrubbing::new(AmqpUrl::new(url.clone()).secrets());
    let line = format!("connecting with password {password}");
    assert!(!scrubbing.scrub(&line).contains(password));
}

#[test]
fn a_config_file_that_does_not_parse_names_file_and_line_but_never_echoes_the_line() {
    let dir = std::env::temp_dir().join(format!("ae-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.toml");
    std::fs::write(
        &path,
        "[amqp]\nurl = \"amqp://svc:Sup3rS3cret!@broker/news\nconnection_name = \"x\"\n",
    )
    .unwrap();
    let error = Settings::load(&Sources {
        config_file: Some(path.clone()),
        environment: Some(HashMap::new()),
    })
    .unwrap_err()
    .to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!error.contains("Sup3rS3cret"), "{error}");
    assert!(error.contains("broken.toml"), "{error}");
    assert!(error.contains("line 2"), "{error}");
}

#[test]
fn the_record_formats_default_to_text_and_markdown_and_each_can_be_switched() {
    let options = load_with(&[]).unwrap().extractor_options();
    assert_eq!(options.formats, Formats::default());
    assert!(options.formats.text && options.formats.markdown);
    assert!(!options.formats.html && !options.formats.chunks);
    let settings = load_with(&[
        ("ENRICHER__RECORD__FORMATS__HTML", "true"),
        ("ENRICHER__RECORD__FORMATS__MARKDOWN", "false"),
        ("ENRICHER__RECORD__FORMATS__CHUNK_WORDS", "120"),
    ])
    .unwrap();
    let formats = settings.extractor_options().formats;
    assert!(formats.html && !formats.markdown && formats.text);
    assert_eq!(formats.chunk_words, 120);
    let err = load_with(&[("ENRICHER__RECORD__FORMATS__PDF", "true")]).unwrap_err();
    assert!(err.to_string().contains("pdf"), "{err}");
}

#[test]
fn span_export_is_off_by_default_and_the_endpoint_comes_from_the_environment() {
    let settings = load_with(&[]).unwrap();
    assert_eq!(settings.telemetry.otlp_endpoint, "");
    assert_eq!(settings.telemetry.service_name, "article-enricher");
    let settings = load_with(&[
        (
            "ENRICHER__TELEMETRY__OTLP_ENDPOINT",
            "http://otel:s3cret@collector:4318",
        ),
        ("ENRICHER__TELEMETRY__SERVICE_NAME", "enricher-eu"),
    ])
    .unwrap();
    assert_eq!(
        settings.telemetry.otlp_endpoint,
        "http://otel:s3cret@collector:4318"
    );
    assert_eq!(settings.telemetry.service_name, "enricher-eu");
    assert!(settings.telemetry.secrets().contains(&"s3cret".to_owned()));
}
