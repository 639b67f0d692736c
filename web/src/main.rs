fn main() {
    yaodian_web::start();
}
