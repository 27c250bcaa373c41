//! Windows only: embeds the icon and VERSIONINFO (name, version, licence) in the .exe.
//! Build scripts run on the host, so the target is read from Cargo's environment.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/trygghetstavlan.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/trygghetstavlan.ico")
        .set("ProductName", "Trygghetstavlan")
        .set(
            "FileDescription",
            "Trygghetstavlan – uppföljning av medborgarlöften",
        )
        .set("CompanyName", "Trygghetstavlan")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "trygghetstavlan.exe")
        .set_language(0x041D); // sv-SE
    if let Err(e) = res.compile() {
        // Without the resource the program still works; a release must not lack it, and
        // packaging/release.sh checks the .exe for it.
        panic!("could not embed the icon and version information: {e}");
    }
}
