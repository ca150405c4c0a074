# Multi-stage build of the article-enricher worker.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY crates ./crates
COPY config ./config
COPY schema ./schema
# Only the worker package: the eval tools are workspace members but never in the image.
RUN cargo build --release --locked -p article-enricher --bin article-enricher

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 enricher
COPY --from=build /src/target/release/article-enricher /usr/local/bin/article-enricher
COPY config /etc/article-enricher/config
WORKDIR /etc/article-enricher
USER enricher
ENV ENRICHER__TELEMETRY__FORMAT=json
EXPOSE 9471
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:9471/readyz || exit 1
ENTRYPOINT ["article-enricher"]
CMD ["run"]
