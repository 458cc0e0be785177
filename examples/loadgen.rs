//! A bounded load generator for `postlint serve` (used by `scripts/bench-serve`): N requests
//! of one record at a concurrency of C kept-alive HTTP/1.1 connections, optionally while idle
//! connections and slow clients are held open; prints requests/s and latency percentiles.
//!
//! ```text
//! cargo run --release --example loadgen -- ADDR REQUESTS CONCURRENCY [IDLE] [SLOW] [SECONDS]
//! ```
//! With SECONDS, it runs for that long instead of a fixed count (a soak), printing a line
//! every 10 s.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A Danish LinkedIn post of about 600 bytes, with a discount and a tracking link.
const POST: &str = "Vi har netop åbnet vores nye vagtcentral i Aarhus, og jeg er stolt af holdet, \
der har arbejdet døgnet rundt for at få det hele på plads. Der er nu 40 kolleger, som tager \
imod opkald fra hele Jylland, og vi søger flere. Kender du en, der vil gøre en forskel for \
andre, når det gælder? Så del gerne opslaget. Og til dig, der overvejer et abonnement: lige nu \
er der 20 % rabat på Falck Assistance, hvis du bestiller inden fredag. Læs mere på \
https://falck.dk/abonnement?utm_source=linkedin&utm_campaign=aarhus #vagtcentral #job";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: loadgen ADDR REQUESTS CONCURRENCY [IDLE] [SLOW] [SECONDS]");
        std::process::exit(2);
    }
    let addr: SocketAddr = args[0].parse().expect("an address such as 127.0.0.1:8080");
    let requests: usize = args[1].parse().expect("a number of requests");
    let concurrency: usize = args[2].parse().expect("a concurrency");
    let idle: usize = args
        .get(3)
        .map_or(0, |s| s.parse().expect("idle connections"));
    let slow: usize = args.get(4).map_or(0, |s| s.parse().expect("slow clients"));
    let seconds: Option<u64> = args.get(5).map(|s| s.parse().expect("seconds"));

    // Idle connections: opened and never used. Slow clients: a request head, a byte a second.
    let held: Vec<TcpStream> = (0..idle)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let slow_threads: Vec<_> = (0..slow)
        .map(|_| {
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut s = TcpStream::connect(addr).unwrap();
                let head = b"POST /v1/check HTTP/1.1\r\nHost: slow\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let b = head.get(i).copied().unwrap_or(b' ');
                    if s.write_all(&[b]).is_err() {
                        // The server timed the client out: come back, as a slow client does.
                        s = TcpStream::connect(addr).unwrap();
                        i = 0;
                        continue;
                    }
                    i += 1;
                    thread::sleep(Duration::from_secs(1));
                }
            })
        })
        .collect();

    let body = format!(
        "{{\"id\":\"load\",\"text\":{},\"platforms\":[\"linkedin\"],\"language\":\"da\"}}",
        serde_json::to_string(POST).unwrap()
    );
    let request = format!(
        "POST /v1/check HTTP/1.1\r\nHost: load\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let request = Arc::new(request.into_bytes());
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (request, next, errors, latencies) = (
                Arc::clone(&request),
                Arc::clone(&next),
                Arc::clone(&errors),
                Arc::clone(&latencies),
            );
            thread::spawn(move || {
                let mut mine = Vec::new();
                let mut conn: Option<TcpStream> = None;
                let mut buf = Vec::with_capacity(16 << 10);
                loop {
                    match deadline {
                        Some(d) if Instant::now() >= d => break,
                        None if next.fetch_add(1, Ordering::Relaxed) >= requests => break,
                        _ => {}
                    }
                    let t = Instant::now();
                    let stream = conn.get_or_insert_with(|| {
                        let s = TcpStream::connect(addr).unwrap();
                        s.set_nodelay(true).unwrap();
                        s
                    });
                    let ok = stream.write_all(&request).is_ok() && read_200(stream, &mut buf);
                    if ok {
                        mine.push(t.elapsed());
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                        conn = None;
                    }
                }
                latencies.lock().unwrap().extend(mine);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    drop(held);
    for s in slow_threads {
        let _ = s.join();
    }
    let mut l = latencies.lock().unwrap().clone();
    l.sort();
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "requests {} errors {} in {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (idle {idle}, slow {slow}, concurrency {concurrency})",
        l.len(),
        errors.load(Ordering::Relaxed),
        elapsed.as_secs_f64(),
        l.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        l.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
    );
}

/// Reads one response; true when it is a 200. Handles Content-Length bodies only (what
/// `/v1/check` sends).
fn read_200(stream: &mut TcpStream, buf: &mut Vec<u8>) -> bool {
    buf.clear();
    let mut chunk = [0u8; 16 << 10];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + length {
                match stream.read(&mut chunk) {
                    Ok(0) | Err(_) => return false,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            return head.starts_with("http/1.1 200");
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return false,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}
