use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"你好"</p> });
}
