//! `yaodian-wasm-split <linked.wasm> <out-dir> <name>`: splits the editor's wasm (linked with
//! `--emit-relocs`) at its split points into `<out-dir>/<name>_split.wasm`, the main module for
//! wasm-bindgen, plus one `.wasm` per lazily loaded part and `__wasm_split.js`, which loads them
//! and takes the main module's exports from `./<name>.js` (wasm-bindgen's output, in the same
//! folder). Writes the parts' file names, one per line, to `<out-dir>/split-files.txt`, and which
//! files each split point loads to `<out-dir>/split-points.txt` (`point: file file…` per line).
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, name] = args.as_slice() else {
        return Err("usage: yaodian-wasm-split <linked.wasm> <out-dir> <name>".into());
    };
    let input_wasm = std::fs::read(input)?;
    let out_dir = PathBuf::from(out_dir);
    std::fs::create_dir_all(&out_dir)?;
    let main_out = out_dir.join(format!("{name}_split.wasm"));
    let main_module = format!("./{name}.js");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input_wasm);
        options.output_dir = &out_dir;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = "./__wasm_split.js";
        options
    })
    .map_err(|error| format!("{error:?}"))?;
    let mut files: Vec<String> = split
        .split_modules
        .iter()
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .collect();
    files.sort();
    std::fs::write(out_dir.join("split-files.txt"), files.join("\n") + "\n")?;
    let mut points: Vec<String> = split
        .prefetch_map
        .iter()
        .map(|(point, files)| format!("{point}: {}", files.join(" ")))
        .collect();
    points.sort();
    std::fs::write(out_dir.join("split-points.txt"), points.join("\n") + "\n")?;
    Ok(())
}
