//! `GET /metrics`: what an operator graphs, in the Prometheus/OpenMetrics text format
//! (prometheus-client): checks by verdict, findings by rule, requests by endpoint and status,
//! check latency, the pool's queue depth, refusals and reloads. Never a word of a post.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// The content type of the exposition.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VerdictLabel {
    verdict: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RuleLabel {
    rule: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabel {
    endpoint: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

/// The service's metrics.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    checks: Family<VerdictLabel, Counter>,
    findings: Family<RuleLabel, Counter>,
    requests: Family<RequestLabel, Counter>,
    latency: Histogram,
    queue: Gauge,
    reloads: Family<OutcomeLabel, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Empty metrics, registered.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("postlint");
        let checks = Family::<VerdictLabel, Counter>::default();
        let findings = Family::<RuleLabel, Counter>::default();
        let requests = Family::<RequestLabel, Counter>::default();
        // 0.5 ms to about 16 s, doubling.
        let latency = Histogram::new(exponential_buckets(0.0005, 2.0, 16));
        let queue = Gauge::default();
        let reloads = Family::<OutcomeLabel, Counter>::default();
        registry.register("checks", "Posts checked, by verdict", checks.clone());
        registry.register("findings", "Findings reported, by rule", findings.clone());
        registry.register(
            "http_requests",
            "Requests answered, by endpoint and status",
            requests.clone(),
        );
        registry.register(
            "check_duration_seconds",
            "Time to check one post, in the pool",
            latency.clone(),
        );
        registry.register(
            "queue_depth",
            "Checks admitted to the pool and not yet done",
            queue.clone(),
        );
        registry.register(
            "guideline_reloads",
            "Guideline reloads, by outcome",
            reloads.clone(),
        );
        Metrics {
            registry,
            checks,
            findings,
            requests,
            latency,
            queue,
            reloads,
        }
    }

    /// One post checked in `seconds`, with its verdict and the rules of its findings.
    pub fn checked<'a>(
        &self,
        verdict: &'static str,
        rules: impl IntoIterator<Item = &'a str>,
        seconds: f64,
    ) {
        self.checks.get_or_create(&VerdictLabel { verdict }).inc();
        for rule in rules {
            self.findings
                .get_or_create(&RuleLabel {
                    rule: rule.to_string(),
                })
                .inc();
        }
        self.latency.observe(seconds);
    }

    /// A request answered.
    pub fn answered(&self, endpoint: &'static str, status: u16) {
        self.requests
            .get_or_create(&RequestLabel { endpoint, status })
            .inc();
    }

    /// A reload tried: `loaded` or `failed`.
    pub fn reloaded(&self, outcome: &'static str) {
        self.reloads.get_or_create(&OutcomeLabel { outcome }).inc();
    }

    /// The exposition, with the queue depth as it is now.
    pub fn render(&self, queue_depth: usize) -> String {
        self.queue
            .set(i64::try_from(queue_depth).unwrap_or(i64::MAX));
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_show_in_the_exposition() {
        let m = Metrics::new();
        m.checked("review", ["sales.price", "sales.price"], 0.002);
        m.answered("check", 200);
        let text = m.render(3);
        assert!(
            text.contains("postlint_checks_total{verdict=\"review\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("postlint_findings_total{rule=\"sales.price\"} 2"),
            "{text}"
        );
        assert!(text.contains("postlint_queue_depth 3"), "{text}");
        assert!(
            text.contains("postlint_check_duration_seconds_bucket"),
            "{text}"
        );
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}
