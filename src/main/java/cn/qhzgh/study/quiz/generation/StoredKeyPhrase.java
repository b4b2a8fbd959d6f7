package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.common.StringListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

@Entity
@Table(name = "key_phrase")
public class StoredKeyPhrase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "module_id")
    public Long moduleId;

    @Column(name = "module_version")
    public int moduleVersion;

    public String kind;

    public String text;

    public String sentence;

    @Column(name = "paragraph_index")
    public int paragraphIndex;

    @Column(name = "start_offset")
    public int startOffset;

    @Column(name = "end_offset")
    public int endOffset;

    public int occurrences;

    @Column(name = "number_value")
    public Integer numberValue;

    public String counter;

    @Convert(converter = StringListConverter.class)
    public List<String> items;

    public static boolean existsFor(Long moduleId, int moduleVersion) {
        return count("moduleId = ?1 and moduleVersion = ?2", moduleId, moduleVersion) > 0;
    }
}
