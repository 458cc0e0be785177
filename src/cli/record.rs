//! One post as a record: a line of `check --input-format jsonl` and the body of the service's
//! `POST /v1/check` share this shape, so a producer writes it once. Each reader validates it
//! in its own words (the command line's messages, the service's `{error, detail, field}`).

use postlint::Waiver;
use serde::Deserialize;
use serde_json::Value;

/// A record as read. Unknown fields are allowed, so producers can send their own along.
#[derive(Debug, Deserialize)]
pub struct Record {
    /// A string or a number naming the post in the report.
    pub id: Option<Value>,
    /// The post.
    pub text: String,
    /// One platform name.
    pub platform: Option<String>,
    /// Platform names.
    pub platforms: Option<Vec<String>>,
    /// `da` or `en`: skips detection.
    pub language: Option<String>,
    /// The moment to judge embargoes by: a date or an RFC 3339 date-time.
    pub date: Option<String>,
    /// The message language (the service; a batch's messages follow `--locale`).
    pub locale: Option<String>,
    /// A reviewer's waivers, as in a draft's front matter.
    #[serde(default)]
    pub waive: Vec<WaiveRecord>,
}

/// One entry of `waive`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaiveRecord {
    rule: String,
    reason: String,
    by: Option<String>,
}

/// What is wrong with a record's `id` or `waive`.
#[derive(Debug)]
pub enum Invalid {
    /// `id` is neither a string nor a number; the JSON found.
    Id(String),
    /// `waive[i]` has a blank reason.
    Reason(usize),
}

impl Record {
    /// The post's name: its `id`, else `default`.
    pub fn source(&mut self, default: &str) -> Result<String, Invalid> {
        match self.id.take() {
            None | Some(Value::Null) => Ok(default.to_string()),
            Some(Value::String(s)) => Ok(s),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(other) => Err(Invalid::Id(other.to_string())),
        }
    }

    /// `platforms` then `platform`, as given.
    pub fn platform_names(&mut self) -> Vec<String> {
        let mut names = self.platforms.take().unwrap_or_default();
        names.extend(self.platform.take());
        names
    }

    /// The waivers; a blank reason is an error (nobody could later tell why the post passed).
    pub fn waivers(&mut self) -> Result<Vec<Waiver>, Invalid> {
        std::mem::take(&mut self.waive)
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                Waiver::written(&w.rule, &w.reason, w.by.as_deref()).ok_or(Invalid::Reason(i))
            })
            .collect()
    }
}
