assert !new File(basedir, 'target/site-gen').exists()
assert new File(basedir, 'build.log').text.contains('site-gen: skipped')
return true
