// A project generated with the defaults built its site on `package` and passed site-gen:check (which fails on
// warnings too), using the site-gen version of the archetype; the files Velocity must not touch are as they were.
def project = context.projectDir

['pom.xml', 'README.md', '.gitignore', 'mvnw', 'mvnw.cmd', '.mvn/wrapper/maven-wrapper.properties',
 '.github/workflows/pages.yml', 'content/site.yaml', 'content/roadmaps/git.yaml', 'content/topics/git/setup.md',
 'content/guides/your-first-week-with-git.md'].each {
    assert new File(project, it).isFile() : "missing $it"
}
assert !new File(project, 'content/files.txt').exists()
assert new File(project, 'mvnw').canExecute()

def pom = new File(project, 'pom.xml').text
assert pom.contains('<groupId>org.example</groupId>')
assert pom.contains('<artifactId>my-learning-site</artifactId>')
assert pom.contains('<version>@project.version@</version>') : 'the plugin version is not the archetype\'s'
assert new File(project, '.github/workflows/pages.yml').text.contains('${{ steps.pages.outputs.base_url }}')
assert new File(project, 'content/topics/git/setup.md').text.contains('## Tell Git who you are')

def site = new File(project, 'target/site-gen')
['index.html', 'git/index.html', 'git/setup/index.html', 'guides/your-first-week-with-git/index.html'].each {
    assert new File(site, it).isFile() : "missing target/site-gen/$it"
}
def log = new File(project, 'build.log').text
assert log =~ /Built \d+ pages \(1 roadmap\) in \d+ ms into /
assert log =~ /Checked \d+ pages \(1 roadmaps?\): no problems/
assert !log.contains('[WARNING]') : 'the build printed warnings'
return true
