//! The release build's split (feature `split`, scripts/build-web) needs the linker's relocations
//! to move functions between wasm files.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
