# Warnings are errors for our own code; third-party headers are included as SYSTEM.
function(cloudbox_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                             -Werror
                                             # gcc 12 at -O3 reports impossible overlaps inside
                                             # std::string (GCC bug 105329).
                                             $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release>>:-Wno-restrict>)
endfunction()

# Boost.Asio/Beast: standalone-ish, header-only; no deprecated names.
set(CLOUDBOX_BOOST_DEFINES BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW
                           BOOST_ASIO_DISABLE_BOOST_COROUTINE)
