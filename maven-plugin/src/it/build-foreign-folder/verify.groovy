def log = new File(basedir, 'build.log').text
assert log.contains('is not empty and site-gen did not make it (it has no .site-gen file)') : 'the first run says why it refused'
assert log.contains('-Dsite-gen.overwrite=true') : 'and the way out'
assert !(log =~ /(?m)^\s+at [a-z][\w.$]+\(/) : 'no stack trace'
// The second run, with overwrite, replaced the folder with the site.
assert !new File(basedir, 'published/notes.txt').exists()
assert new File(basedir, 'published/index.html').exists()
assert new File(basedir, 'published/.site-gen').exists()
return true
