//! Import of 1 MB of plan text, natively. `cargo bench --bench import` prints the figures.

use std::time::Instant;

use yaodian::export::text::{notice_text, TextOptions};
use yaodian::import::import_text;
use yaodian::{Deadline, Node, NodeKind, Period, Plan};

/// A plan in the shape of the tongxin sample, scaled up until its notice text is `bytes` long.
fn big_plan_text(bytes: usize) -> (String, usize) {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/tongxin-2020-plan-task-division.txt"
    ))
    .expect("sample");
    let template = import_text(&sample).plan;
    let tasks: Vec<Node> = template
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
    while notice_text(&plan, TextOptions::default()).len() < bytes {
        section_no += 1;
        let mut section = Node::new(
            plan.fresh_id(),
            NodeKind::Heading,
            format!("第{section_no}部分重点工作"),
        );
        for task in tasks.iter().cycle().skip(section_no).take(25) {
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
    (notice_text(&plan, TextOptions::default()), count)
}

fn main() {
    let (text, tasks) = big_plan_text(1 << 20);
    // The browser benchmark (scripts/bench) imports the same text in the page.
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench-plan-1mb.txt");
    std::fs::write(out, &text).expect("write target/bench-plan-1mb.txt");
    let mb = text.len() as f64 / (1 << 20) as f64;
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..15 {
        let start = Instant::now();
        let imported = import_text(&text);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        found = imported.plan.walk().len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "import of {mb:.2} MB of plan text ({tasks} tasks, {found} nodes read): median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs ({:.0} MB/s)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        mb / (times[times.len() / 2] / 1000.0)
    );
}
