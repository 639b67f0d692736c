//! `yaodian-wasm-split <linked.wasm> <out-dir> <name>`: splits the editor's wasm (linked with
//! `--emit-relocs`) at its split points. Every file it writes carries one build id, a hash of the
//! linked wasm, so that the service worker may keep them for good:
//! - `<out-dir>/<name>-<id>_split.wasm`: the main module, for wasm-bindgen (`--out-name <name>-<id>`);
//! - one `.wasm` per lazily loaded part or shared chunk, `<part>-<id>.wasm`;
//! - `__wasm_split-<id>.js`, which loads them and takes the main module's exports from
//!   `./<name>-<id>.js` (wasm-bindgen's output, in the same folder);
//! - `split-files.txt`: those files, one per line; `split-points.txt`: which files each split
//!   point loads (`point: file file…` per line).
//!
//! Prints the build id. The split is `wasm_split_cli_support` (vendored in `vendor/`) with fewer,
//! larger chunks (`FIRST_VISIT`).
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

/// The parts a first visit loads: the plan list (with its data-safety panel), or an opened
/// plan's editor. Shared code is chunked by which of them uses it (`merge_chunks`): a first
/// visit loads three files of parts, the other parts up to five.
const FIRST_VISIT: &[&str] = &["library", "editor"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, name] = args.as_slice() else {
        return Err("usage: yaodian-wasm-split <linked.wasm> <out-dir> <name>".into());
    };
    let input_wasm = std::fs::read(input)?;
    let mut hasher = DefaultHasher::new();
    hasher.write(&input_wasm);
    // The same wasm split another way is another build.
    hasher.write(wasm_split_cli_support::MERGE_POLICY.as_bytes());
    for part in FIRST_VISIT {
        hasher.write(part.as_bytes());
    }
    let id = format!("{:016x}", hasher.finish());

    let out_dir = PathBuf::from(out_dir);
    std::fs::create_dir_all(&out_dir)?;
    let main_out = out_dir.join(format!("{name}-{id}_split.wasm"));
    let main_module = format!("./{name}-{id}.js");
    let link_name = format!("./__wasm_split-{id}.js");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input_wasm);
        options.output_dir = &out_dir;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options.first_visit = FIRST_VISIT;
        options
    })
    .map_err(|error| format!("{error:?}"))?;

    // The parts are written as `<part>.wasm` and named so in the loader: give them the id.
    let link_path = out_dir.join(&link_name);
    let mut loader = std::fs::read_to_string(&link_path)?;
    let mut files = Vec::new();
    for path in &split.split_modules {
        let stem = stem(path)?;
        let file = format!("{stem}-{id}.wasm");
        std::fs::rename(path, out_dir.join(&file))?;
        loader = loader.replace(&format!("\"./{stem}.wasm\""), &format!("\"./{file}\""));
        files.push(file);
    }
    std::fs::write(&link_path, loader)?;
    files.sort();
    std::fs::write(out_dir.join("split-files.txt"), files.join("\n") + "\n")?;

    let mut points: Vec<String> = split
        .prefetch_map
        .iter()
        .map(|(point, stems)| {
            let files: Vec<String> = stems.iter().map(|s| format!("{s}-{id}.wasm")).collect();
            format!("{point}: {}", files.join(" "))
        })
        .collect();
    points.sort();
    std::fs::write(out_dir.join("split-points.txt"), points.join("\n") + "\n")?;
    // A first visit loads its part and the chunks of the first-visit parts' sets it is in.
    for point in FIRST_VISIT {
        let files = split
            .prefetch_map
            .get(*point)
            .ok_or_else(|| format!("no split point `{point}` (FIRST_VISIT names one)"))?
            .len();
        if files > 1 + (1 << (FIRST_VISIT.len() - 1)) {
            return Err(
                format!("a first visit to `{point}` would load {files} files of parts").into(),
            );
        }
    }
    println!("{id}");
    Ok(())
}

fn stem(path: &Path) -> Result<&str, String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("unexpected part file {}", path.display()))
}
