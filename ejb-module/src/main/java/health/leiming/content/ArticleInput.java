package health.leiming.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an editor sends: title, rich-text content (HTML, cleaned on the way in), category, tags... */
public record ArticleInput(
        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多200字") String title,
        @NotBlank(message = "请填写正文") @Size(max = 200_000, message = "正文过长") String content,
        @NotBlank(message = "请选择分类") @Size(max = 50, message = "分类最多50字") String category,
        @Size(max = 10, message = "最多10个标签") List<@Size(max = 30, message = "标签最多30字") String> tags,
        @Size(max = 100, message = "来源最多100字") String source,
        @Size(max = 100, message = "作者最多100字") String author,
        Boolean recommended) {
}
