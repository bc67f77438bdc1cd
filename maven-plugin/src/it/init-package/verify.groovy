def log = new File(basedir, 'build.log').text
// One part of the log for each run, from Maven's "Scanning for projects" on.
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5 : "5 runs, found ${runs.size()}"

// 1: init wrote the starter site and said what to do next.
assert new File(basedir, 'content/site.yaml').isFile()
assert runs[0] =~ /Wrote a starter site of \d+ files into content\. Next:/
assert runs[0].contains('mvn site-gen:serve')

// 2: package ran the build goal (bound to package by default) with no problem, not even a warning.
assert runs[1] =~ /--- site-gen:[^\n]*:build \(default\) @ init-package ---/
assert runs[1] =~ /Built \d+ pages \(1 roadmap\) in \d+ ms into /
assert !runs[1].contains('[WARNING]') : 'the starter site builds without a warning'
assert new File(basedir, 'target/site-gen/index.html').isFile()
assert !new File(basedir, 'target/site').exists() : 'target/site is maven-site-plugin\'s'

// 3: a second init writes nothing over the first.
assert runs[2].contains('content/site.yaml: this folder is a site already; nothing was written')

// 4: help lists every goal, and no parameter lacks a description.
['build', 'check', 'help', 'init', 'new', 'serve'].each { assert runs[3].contains("site-gen:$it") : it }
assert runs[3].contains('User property: site-gen.outputDir')
assert !runs[3].contains('(no description available)')

// 5: site-gen.skip skips every goal, before looking for the site folder.
assert runs[4].count('site-gen: skipped') == 5
assert !new File(basedir, 'elsewhere').exists()
return true
