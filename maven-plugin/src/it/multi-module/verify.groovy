def log = new File(basedir, 'build.log').text
// The site module's own content/ was built into its own target/, once; the parallel build raised no warning.
assert new File(basedir, 'site/target/site-gen/index.html').isFile()
assert !new File(basedir, 'target/site-gen').exists()
assert log.count('--- site-gen:') == 1
assert log =~ /Built 8 pages \(1 roadmap\) in \d+ ms into /
assert !log.contains('[WARNING]') : 'no warning, e.g. about a mojo that is not thread-safe'
return true
