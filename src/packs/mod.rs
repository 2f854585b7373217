//! A course pack's pages: its mini-site (chapters, agenda, handout, desk cards and
//! trainer's sheet), inside the site under `packs/<id>/` or on its own, and its SCORM 1.2
//! package. What a pack holds comes from [`crate::course`].

pub mod builder;
mod pages;
mod scorm;

pub use pages::PackMode;
use pages::PackRender;

use crate::course::Pack;
use crate::output::Sink;
use crate::render::Site;
use crate::Error;

pub use crate::paths::PACKS_DIR;

/// One pack under `packs/<id>/` in the site: its pages and its SCORM package.
pub fn write_in_site(site: &Site<'_>, pack: &Pack, out: &dyn Sink) -> Result<(), Error> {
    let zip = scorm::zip_name(pack);
    // One search index serves both the pages in the site and those in the package.
    let search = pages::search_index(site, pack);
    let files = PackRender::new(site, pack, PackMode::InSite, search.as_ref()).files(Some(&zip))?;
    for (name, bytes) in &files {
        out.write(&format!("{PACKS_DIR}/{}/{name}", pack.id), bytes)
            .map_err(Error::Output)?;
    }
    let package = scorm_package(site, pack, search.as_ref())?;
    out.write(&format!("{PACKS_DIR}/{}/{zip}", pack.id), &package)
        .map_err(Error::Output)
}

/// Writes one pack on its own: a folder that works anywhere, plus its SCORM package.
pub fn write_standalone(site: &Site<'_>, pack: &Pack, out: &dyn Sink) -> Result<(), Error> {
    let zip = scorm::zip_name(pack);
    let search = pages::search_index(site, pack);
    let render = PackRender::new(site, pack, PackMode::Standalone, search.as_ref());
    for (name, bytes) in &render.files(Some(&zip))? {
        out.write(name, bytes).map_err(Error::Output)?;
    }
    out.write(&zip, &scorm_package(site, pack, search.as_ref())?)
        .map_err(Error::Output)
}

fn scorm_package(
    site: &Site<'_>,
    pack: &Pack,
    search: Option<&crate::search::SearchIndex>,
) -> Result<Vec<u8>, Error> {
    let files = PackRender::new(site, pack, PackMode::Standalone, search).files(None)?;
    scorm::package(pack, &files, &site.book.config.language, |ctx| {
        site.render("imsmanifest.xml", ctx)
    })
}
