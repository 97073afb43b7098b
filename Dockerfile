# jianfu in a container, in two stages: the build stage compiles jianfu and
# packages it as a .deb; the runtime stage installs only that .deb, so the
# image holds the binary and its runtime libraries, no compiler.
#   docker build -t jianfu .
#   docker run --rm -v "$PWD:/src" jianfu check drafts/
FROM debian:12 AS build
WORKDIR /src
# The build set alone, in its own layer: editing a source file keeps it cached.
COPY scripts/install-deps scripts/install-deps
RUN scripts/install-deps build && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DJIANFU_TESTS=OFF \
 && cmake --build /build -j"$(nproc)" \
 && cd /build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /build/jianfu_*.deb /tmp/
# apt resolves the .deb's Depends: the runtime libraries only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/jianfu_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/jianfu_*.deb
# pre-commit and GitHub mount the repository and set the working directory.
WORKDIR /src
ENTRYPOINT ["jianfu"]
CMD ["--help"]
