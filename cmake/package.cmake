# `cpack -G DEB` in the build directory: a .deb of what cmake/install.cmake
# installs, under /usr. Its Depends are computed by dpkg-shlibdeps from the
# shared libraries the binary links (libyaml-cpp0.7, libfmt9, libre2-9, …),
# so they are runtime packages only: no -dev package, no compiler.
# cpack packs what was built; it does not first build the whole tree (tests
# included), which also keeps the install test that runs cpack quick.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jianfu)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter and rule engine for assessment schemes (减负)")
set(CPACK_PACKAGE_DESCRIPTION
    "jianfu checks county assessment schemes (考核方案/考核细则) for designs that load\n"
    "grassroots staff: rankings, centralised approvals, proof layers. It reads\n"
    ".assess and YAML schemes and reports findings as text, JSON, SARIF and more.")
set(CPACK_PACKAGE_CONTACT "jianfu maintainers <jianfu@invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # jianfu_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # needs dpkg-shlibdeps (dpkg-dev) and file
include(CPack)
