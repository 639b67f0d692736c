//! Native figures: import of 1 MB of plan text, .docx and text export of a 500-task plan,
//! numbering of 5,000 nodes, serialisation of a 500-task plan for storage.
//! `cargo bench --bench native` prints them (scripts/bench also runs the browser side).

use std::time::Instant;

use yaodian::export::docx::notice_docx;
use yaodian::export::text::{notice_text, TextOptions};
use yaodian::export::NoticeOptions;
use yaodian::import::import_text;
use yaodian::plan::file;
use yaodian::plan::numbering::number;
use yaodian::{Deadline, Node, NodeKind, Period, Plan};

/// A plan in the shape of the tongxin sample with `tasks` tasks (25 a section).
fn big_plan(tasks: usize) -> Plan {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/tongxin-2020-plan-task-division.txt"
    ))
    .expect("sample");
    let template = import_text(&sample).plan;
    let tasks_of_sample: Vec<Node> = template
        .nodes
        .iter()
        .flat_map(|s| s.children.iter().cloned())
        .collect();
    let mut plan = Plan {
        period: Period::year(2020),
        title: "2020年全县卫生健康工作要点".into(),
        notice: template.notice.clone(),
        requirements: template.requirements.clone(),
        ..Plan::default()
    };
    let mut count = 0;
    let mut section_no = 0;
    while count < tasks {
        section_no += 1;
        let mut section = Node::new(
            plan.fresh_id(),
            NodeKind::Heading,
            format!("第{section_no}部分重点工作"),
        );
        for task in tasks_of_sample
            .iter()
            .cycle()
            .skip(section_no)
            .take(25.min(tasks - count))
        {
            let mut task = task.clone();
            task.id = plan.fresh_id();
            task.division.deadline = Deadline::Month {
                year: 2020,
                month: 11,
            };
            section.children.push(task);
            count += 1;
        }
        plan.nodes.push(section);
    }
    plan
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let target = concat!(env!("CARGO_MANIFEST_DIR"), "/target");
    // 1 MB of plan text: 2175 tasks.
    let big = big_plan(2175);
    let text = notice_text(&big, TextOptions::default());
    // The browser benchmarks (scripts/bench) use the same inputs.
    std::fs::write(format!("{target}/bench-plan-1mb.txt"), &text).expect("write bench text");
    std::fs::write(
        format!("{target}/bench-plan-50.json"),
        file::to_json(&big_plan(50)),
    )
    .expect("write bench plan");
    let plan500 = big_plan(500);
    std::fs::write(
        format!("{target}/bench-plan-500.json"),
        file::to_json(&plan500),
    )
    .expect("write bench plan");

    let mb = text.len() as f64 / (1 << 20) as f64;
    let mut found = 0;
    let import = median_ms(15, || found = import_text(&text).plan.walk().len());
    println!(
        "import of {mb:.2} MB of plan text (2175 tasks, {found} nodes read): median {import:.1} ms over 15 runs ({:.0} MB/s); target ≤ 20 ms",
        mb / (import / 1000.0)
    );
    let mut size = 0;
    let docx = median_ms(15, || {
        size = notice_docx(&plan500, NoticeOptions::default()).len()
    });
    println!(
        "docx export of a 500-task plan: median {docx:.1} ms over 15 runs ({} KB)",
        size / 1024
    );
    let text_ms = median_ms(15, || {
        size = notice_text(&plan500, TextOptions::default()).len()
    });
    println!(
        "text export of a 500-task plan: median {text_ms:.1} ms over 15 runs ({} KB)",
        size / 1024
    );
    // 5,000 nodes: 200 sections of 24 tasks.
    let plan5000 = big_plan(4800);
    let nodes = plan5000.walk().len();
    let mut labels = 0;
    let numbering = median_ms(15, || labels = number(&plan5000).len());
    println!("numbering of {nodes} nodes: median {numbering:.2} ms over 15 runs ({labels} labels)");
    let json = median_ms(15, || size = file::to_json(&plan500).len());
    println!(
        "serialisation of a 500-task plan (plan file, pretty JSON): median {json:.2} ms over 15 runs ({} KB)",
        size / 1024
    );
    let compact = median_ms(15, || {
        size = serde_json::to_string(&plan500).map_or(0, |s| s.len())
    });
    println!(
        "serialisation of a 500-task plan (as stored, compact JSON): median {compact:.2} ms over 15 runs ({} KB)",
        size / 1024
    );
    let stored = serde_json::to_string(&plan500).expect("serialises");
    let read = median_ms(15, || {
        size = serde_json::from_str::<Plan>(&stored).map_or(0, |p| p.walk().len())
    });
    println!("reading it back: median {read:.2} ms over 15 runs ({size} nodes)");
}
