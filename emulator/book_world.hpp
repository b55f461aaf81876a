// The "book world": the resources of "AWS Lambda in Action" chapter 5, created at start with
// `cloudbox serve --book-world` so that a reader can upload a picture and see its thumbnail
// without setting anything up: bucket `pictures` (notifications on images/ to the thumbnail
// function), table `images`, the functions greetingsOnDemand, createThumbnailAndStoreInDB and
// purgeBucketByPrefix (BUCKET=pictures), and the hourly rule `purge-tmp` that runs the purge.
#pragma once

namespace cloudbox::service {
class dispatcher;
}

namespace cloudbox {

// Creates what is missing through the in-process API (what exists is left as it is), in the
// default account and region. Returns how many resources it created.
int seed_book_world(service::dispatcher& dispatcher, const char* region);

} // namespace cloudbox
