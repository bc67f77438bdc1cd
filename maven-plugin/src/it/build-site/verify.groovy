// The site was built into target/site-gen with every page kind, and the summary was logged.
def site = new File(basedir, 'target/site-gen')
['index.html', 'basics/index.html', 'basics/first/index.html', 'basics/second/index.html', 'guides/hello/index.html',
 'guides/index.html', '404.html', 'sitemap.xml', 'robots.txt', 'feed.xml'].each {
    assert new File(site, it).isFile() : "missing $it"
}
def topic = new File(site, 'basics/first/index.html').text
assert topic.contains('href="/docs/basics/second/"')
assert topic.contains('href="/docs/guides/hello/#why"')
def log = new File(basedir, 'build.log').text
assert log =~ /Built 8 pages \(1 roadmap\) in \d+ ms into /
return true
